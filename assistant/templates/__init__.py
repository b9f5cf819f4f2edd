"""Structured templates of the papers: one builder per paper kind.

Each builder turns a PaperContext into layout blocks (assistant.templates.blocks);
assistant.papers renders them as Markdown and assistant.docx_layout as DOCX.
"""
