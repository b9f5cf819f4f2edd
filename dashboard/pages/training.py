"""培训 (training): the procedure step by step with the regulation's articles, a practice
case compared with the assistant's draft, and a scored quiz."""

import streamlit as st

from assistant.errors import AssistantError
from assistant.papers import PaperKind
from dashboard import messages
from dashboard.ui import keys, law_index, services, training
from dashboard.ui_messages import t

actor = services.require_actor()
st.header(t("page.training"))
tab_steps, tab_practice, tab_quiz = st.tabs([t("tr.steps"), t("tr.practice"), t("tr.quiz")])
index = law_index.loader().index

with tab_steps:
    for n, step in enumerate(training.STEPS, 1):
        with st.expander(f"{n}. {step.title}", expanded=n == 1):
            st.markdown(step.explanation)
            if step.state:
                st.caption(t("tr.state", state=messages.state_title(step.state)))
            papers = "、".join(step.papers) if step.papers else t("tr.no_papers")
            st.caption(t("tr.papers", papers=papers))
            texts = {a: training.regulation_article(index, a) for a in step.articles}
            if all(texts.values()):
                for number, text in texts.items():
                    st.markdown(f"> **第{number}条**　{text}")
            else:
                st.markdown(f"> {step.paraphrase}")
                st.caption(t("tr.article_hint"))

with tab_practice:
    st.markdown(f"**{t('tr.practice_case')}**：{training.PRACTICE.facts}")
    answer = st.text_area(t("tr.practice_answer"), height=160, key="practice_answer")
    if st.button(t("tr.compare"), key="practice_compare"):
        ready = law_index.ready_index()
        if ready is not None:
            try:
                st.session_state[keys.PRACTICE_RESULT] = training.compare(answer, ready)
            except AssistantError as err:
                services.show_error(err)
    result = st.session_state.get(keys.PRACTICE_RESULT)
    if result is not None:
        st.info(t("tr.matched", hit=len(result.matched), total=result.total))
        if result.missed:
            st.markdown(t("tr.missed") + "\n" + "\n".join(f"- {r}" for r in result.missed))
        if result.unresolved:
            st.warning(t("tr.extra_unresolved") + "、".join(result.unresolved))
        with st.expander(t("dr.basis")):
            st.markdown(result.draft.markdown("legal_basis"))
        with st.expander(PaperKind.RECTIFICATION.title):
            st.markdown(result.draft.markdown("rectification"))

with tab_quiz:
    questions = training.quiz(seed=actor.id)
    with st.form("quiz"):
        answers = [st.radio(f"{n}. {q.text}", q.options, index=None, key=f"quiz_{n}")
                   for n, q in enumerate(questions, 1)]  # fmt: skip
        submitted = st.form_submit_button(t("tr.submit_quiz"))
    if submitted:
        st.session_state[keys.QUIZ_RESULT] = training.score(questions, answers)
        for n, (q, a) in enumerate(zip(questions, answers, strict=True), 1):
            verdict = t("tr.correct") if a == q.answer else t("tr.wrong", answer=q.answer)
            st.markdown(f"{n}. {verdict}　{t('tr.source', source=q.source)}")
    if keys.QUIZ_RESULT in st.session_state:
        st.success(t("tr.score", score=st.session_state[keys.QUIZ_RESULT], total=len(questions)))
