"""Session-state keys used by the pages, declared once."""

ACTOR = "ytt_actor"  # users.Actor of the signed-in user
SCOPE_CODE = "ytt_scope_code"  # jurisdiction the overview and lists are narrowed to
SELECTED_CASE = "ytt_selected_case"  # id of the case open on the 案件 page
CASE_PAGE = "ytt_case_page"  # page number of the case list
DRAFTS = "ytt_drafts"  # {case_id: assistant.drafting.Draft} drafted in this session
DRAFT_TEXT = "ytt_draft_text"  # prefix of the editable draft text areas
DRAFT_FRESH = "ytt_draft_fresh"  # case ids whose editor shows a new run, not the saved drafts
LAW_ARTICLE = "ytt_law_article"  # (law, number) opened on the 法规 page
IMPORTED_FILES = "ytt_imported_files"  # {sha256 of an uploaded case list: cases imported}
IMPORT_REPORT = "ytt_import_report"  # report of the last law import
PRACTICE_RESULT = "ytt_practice_result"  # comparison of the trainee's answer
QUIZ_RESULT = "ytt_quiz_result"  # scored quiz
FLASH = "ytt_flash"  # one success message shown after a rerun
CASE_VERSION = "ytt_case_version"  # prefix: version a case's forms were rendered with, per case
SHOWN_CASE = "ytt_shown_case"  # id of the case the case page rendered last
