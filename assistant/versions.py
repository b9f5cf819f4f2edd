"""Following one rule across the versions of a law.

A revision may renumber a law (商标法 2026 moved the infringing acts from 第57条 to 第72条).
The drafter uses this to cite the version in force on the interview date; the eval command
uses it to read labels numbered after a version that is not yet in force.
"""

from __future__ import annotations

from assistant.messages import message
from assistant.models import STATUS_IN_FORCE, STATUS_PENDING, Article, LawVersion
from assistant.store import CorpusStore

SAME_RULE = 0.5  # bigram overlap above which two versions' articles state the same rule


def matching_article(store: CorpusStore, article: Article, version: LawVersion) -> Article | None:
    """The article of `version` that states the rule of `article`: the same number unless a
    revision renumbered the law, then the most similar article; None when no article of that
    version says the same."""
    same = store.article(version.version_id, article.number, article.suffix)
    if same is not None and text_overlap(same.text, article.text) >= SAME_RULE:
        return same
    candidates = store.articles_of(version.version_id)
    best = max(candidates, key=lambda a: text_overlap(a.text, article.text), default=None)
    if best is not None and text_overlap(best.text, article.text) >= SAME_RULE:
        return best
    return None


def currency_note(version: LawVersion) -> str:
    """What an official must know before citing `version` when it is not in force (the
    corpus may hold only an amended, repealed or not-yet-effective text of a law, e.g. 刑法
    2020 without its later amendments); empty when it is in force."""
    if version.status == STATUS_IN_FORCE:
        return ""
    when = version.version_date or "日期不详"
    if version.status == STATUS_PENDING:
        return message("version_pending", title=version.title, date=version.effective_date or when)
    return message("version_not_in_force", title=version.title, date=when, status=version.status)


def text_overlap(a: str, b: str) -> float:
    """Share of character bigrams the two texts have in common (Jaccard)."""
    first, second = _bigrams(a), _bigrams(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if not c.isspace()]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)}
