"""法规 (law search): hybrid search with filters, browse by chapter, article with versions,
and importing documents into the corpus."""

import streamlit as st

from dashboard.ui import law_index, law_views, services
from dashboard.ui_messages import t

actor = services.require_actor()
st.header(t("page.laws"))
tab_search, tab_browse, tab_article, tab_import = st.tabs(
    [t("lw.search"), t("lw.browse"), t("lw.article"), t("lw.import")]
)
index = None
with tab_search:
    index = law_index.ready_index()
    if index is not None:
        law_views.search(index)
if index is not None:
    with tab_browse:
        law_views.browse(index)
    with tab_article:
        law_views.article(index)
with tab_import:
    law_views.import_form(actor)
