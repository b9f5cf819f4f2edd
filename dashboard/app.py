"""约谈通 dashboard: ``streamlit run dashboard/app.py``.

Signs the user in (or asks for the administrator's password on first run), starts loading the
law index in the background, and shows the pages the user's role may open.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard import settings  # noqa: E402
from dashboard.errors import DashboardError  # noqa: E402
from dashboard.ui import auth, law_index, navigation, services  # noqa: E402
from dashboard.ui_messages import t  # noqa: E402

st.set_page_config(page_title=t("app.title"), page_icon=":material/balance:", layout="wide")
try:
    settings.check()
    services.engine()
except DashboardError as err:  # a bad setting, or the PostgreSQL server in YTT_DB_URL is down
    # the only page then: without it Streamlit would list the files of pages/ by name
    st.navigation([navigation.error_page(err.user_text())], position="hidden").run()
    st.stop()
law_index.loader()  # starts the background load; never waits for it

# Re-read on every click: a changed role shows its own menu at once, and a deactivated
# account or one whose password was reset is signed out (with the reason shown).
actor = services.refreshed_actor()
if actor is None:  # only the sign-in page exists until then, whatever the URL asked for
    st.navigation([navigation.sign_in_page(auth.gate_with_reason)], position="hidden").run()
    st.stop()
page = st.navigation(navigation.pages_for(actor.role))
auth.sidebar_identity(actor)
with st.sidebar:
    law_index.show_status()
page.run()
