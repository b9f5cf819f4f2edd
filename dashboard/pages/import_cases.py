"""导入案件 (roles with the import_cases permission): upload an Excel case list; every row is
imported or none, and a refusal lists each bad row and cell in Chinese."""

import streamlit as st

from dashboard.ui import excel_import, services
from dashboard.ui_messages import t

actor = services.require_actor()
st.header(t("page.import"))
st.caption(t("im.help", columns=excel_import.required_columns()))
upload = st.file_uploader(t("im.file"), type=["xlsx"], key="import_file")
done = excel_import.already_imported(upload) if upload is not None else None
if done is not None:  # the success stays; the same file is not imported twice
    excel_import.show_done(done)
elif upload is not None and st.button(t("im.run"), key="import_run", type="primary"):
    excel_import.run(actor, upload)
