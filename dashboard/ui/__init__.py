"""Glue shared by the Streamlit pages: session keys, cached resources, the sign-in gate,
jurisdiction scope, the background law index, charts and exports, drafting and training.

Pages import from here and from the domain services; they never touch SQL, jieba, Chroma or
LangChain themselves. Every cached function takes the actor (or its scope) as an argument:
Streamlit's caches are shared by all users.
"""
