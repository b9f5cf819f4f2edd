"""The 法规 page's parts: search with filters, browsing a law by chapter, an article with
all its versions, and the import form with its report."""

from __future__ import annotations

import streamlit as st

from assistant.errors import AssistantError
from assistant.models import LEVELS, STATUSES
from assistant.retrieval import Filters, LawIndex
from assistant.versions import currency_note
from dashboard import users
from dashboard.ui import keys, law_import, law_index, law_versions, services
from dashboard.ui_messages import t

IMPORT_ROLES = {"admin", "leader", "handler"}
MODES = {"hybrid": "lw.mode.hybrid", "bm25": "lw.mode.bm25", "dense": "lw.mode.dense"}


def search(index: LawIndex) -> None:
    with st.form("law_search"):
        query = st.text_input(t("lw.query"), key="law_query")
        cols = st.columns(5)
        mode = cols[0].selectbox(t("lw.mode"), list(MODES), format_func=lambda m: t(MODES[m]))
        law = cols[1].text_input(t("lw.law"))
        level = cols[2].selectbox(t("lw.level"), ["", *LEVELS], format_func=_any)
        status = cols[3].selectbox(t("lw.status"), STATUSES + ("",), format_func=_any)
        region = cols[4].text_input(t("lw.region"))
        k = st.slider(t("lw.count"), 5, 50, 10)
        submitted = st.form_submit_button(t("lw.go"))
    if submitted and not query.strip():
        st.info(t("lw.empty_query"))
    if not (submitted or query) or not query.strip():
        return
    filters = Filters(law=law.strip() or None, level=level or None, status=status or None,
                      region=region.strip() or None)  # fmt: skip
    result = index.search(query.strip(), k, filters, mode)
    if not result.dense_used and mode != "bm25":
        st.caption(t("lw.dense_off"))
    for notice in ("statuses_outdated", "build_interrupted"):
        if notice in result.notices:
            st.warning(index.notice_text(notice))
    for reason in result.absent:
        st.warning(t("lw.citation_absent", reason=reason))
    if not result.hits:
        st.info(t("lw.no_hits"))
    for hit in result.hits:
        extra = t("lw.hit_violation", name=hit.violation) if hit.violation else ""
        if hit.topic and not extra:
            extra = t("lw.hit_topic", name=hit.topic)
        with st.expander(f"{hit.citation}{extra}"):
            st.caption(law_versions.caption(hit.version))
            st.markdown(law_versions.paragraphs(hit.article.text))


# The law 按章节浏览 opens on: the one consumer-protection officials read most.
BROWSE_FIRST = "中华人民共和国消费者权益保护法"


def _any(value: str) -> str:
    return value or t("lw.any")


def browse(index: LawIndex) -> None:
    laws = sorted(index.store.law_keys(), key=lambda kv: kv[1])
    titles = dict(laws)
    keys = list(titles)
    first = next((i for i, k in enumerate(keys) if titles[k] == BROWSE_FIRST), 0)
    law_key = st.selectbox(t("lw.pick_law"), keys, index=first, format_func=titles.get,
                           key="browse_law")  # fmt: skip
    versions = index.store.versions(law_key)
    if not versions:
        return
    labels = {v.version_id: law_versions.line(v) for v in versions}
    version_id = st.selectbox(t("lw.pick_version"), list(labels), format_func=labels.get,
                              key="browse_version")  # fmt: skip
    chapters: dict[str, list] = {}
    for article in index.store.articles_of(version_id):
        chapters.setdefault(article.chapter or t("lw.chapter_none"), []).append(article)
    for chapter, articles in chapters.items():
        with st.expander(f"{chapter}（{len(articles)}）"):
            for article in articles:
                st.markdown(f"**{article.label}**　{article.text}")


def article(index: LawIndex) -> None:
    cols = st.columns([3, 1, 1, 1])
    law = cols[0].text_input(t("lw.law"), value="消费者权益保护法", key="article_law").strip()
    number = cols[1].number_input(t("lw.article_no"), value=25, step=1, key="article_no")
    suffix = cols[2].number_input(t("lw.article_suffix"), value=0, step=1, key="article_suffix",
                                  help=t("lw.article_suffix_help"))  # fmt: skip
    if number < 1 or suffix < 0:  # checked here: the widget's own range message is in English
        st.warning(t("lw.article_no_positive"))
        return
    if (
        not cols[3].button(t("lw.lookup"), key="article_go")
        and keys.LAW_ARTICLE not in st.session_state
    ):
        return
    if not law:
        st.warning(t("lw.law_required"))
        return
    st.session_state[keys.LAW_ARTICLE] = (law, int(number), int(suffix))
    show_article(index, law, int(number), int(suffix))


def show_article(index: LawIndex, law: str, number: int, suffix: int) -> None:
    """The article's current text and its text in every version of the law."""
    try:
        current, version = index.article(law, number, suffix)
    except AssistantError as err:
        services.show_error(err)
        return
    st.markdown(f"### 《{version.title}》{current.label}")
    st.caption(law_versions.caption(version))
    if note := currency_note(version):
        st.warning(note)
    st.markdown(law_versions.paragraphs(current.text))
    if others := law_versions.other_versions(index, law, number, suffix, version.version_id):
        st.markdown(others)


def import_form(actor: users.Actor) -> None:
    if actor.role not in IMPORT_ROLES:
        st.info(t("lw.import_denied"))
        return
    with st.form("law_import", clear_on_submit=True):
        files = st.file_uploader(t("lw.upload"), type=["pdf", "docx", "md", "txt"],
                                 accept_multiple_files=True)  # fmt: skip
        submitted = st.form_submit_button(t("lw.import_go"))
    if submitted and files:
        bar = st.progress(0.0)

        def progress(stage: str, done: int, total: int) -> None:
            label = t("lw.import_stage", stage=law_index.Progress(stage).text(), done=done,
                      total=total)  # fmt: skip
            bar.progress(min(done / total, 1.0) if total else 0.0, label)

        try:
            uploads = [(f.name, f.getvalue()) for f in files]
            report = law_import.import_uploads(uploads, law_index.loader(), progress)
        except AssistantError as err:
            services.show_error(err)
            return
        st.session_state[keys.IMPORT_REPORT] = report
    show_report(st.session_state.get(keys.IMPORT_REPORT))


def show_report(report: dict | None) -> None:
    if not report:
        return
    if report.get("pending"):
        st.info(t("lw.pending_note", count=len(report["pending"])))
    st.success(t("lw.import_done", imported=len(report["imported"]),
                 refused=len(report["refused"]), duplicates=len(report["duplicates"])))  # fmt: skip
    for entry in report["imported"]:
        notes = "；".join(entry.get("notices", []))
        st.markdown(f"- {t('lw.imported')}：{entry['title']}（{entry['articles']} 条）{notes}")
    for entry in report["refused"]:
        st.markdown(f"- {t('lw.refused')}：{entry['path']} —— {entry['reason']}")
    for entry in report["duplicates"]:
        st.markdown(f"- {t('lw.duplicates')}：{entry['path']}")
    for entry in report.get("pending", []):
        st.markdown(f"- {t('lw.pending')}：{entry['path']}")
