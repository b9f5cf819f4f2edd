"""Charts with their exports: every chart is a plotly figure (its toolbar downloads a PNG in
the browser, offline) shown above a button that downloads the chart's table as Excel."""

from __future__ import annotations

import io
import re

import pandas as pd
import plotly.express as px
import streamlit as st

from dashboard.ui_messages import t

PLOT_CONFIG = {
    "displaylogo": False,
    "displayModeBar": True,  # keep the toolbar: its camera icon saves the PNG client-side
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}


def excel_bytes(frame: pd.DataFrame, sheet: str = "数据") -> bytes:
    buffer = io.BytesIO()
    name = re.sub(r"[\\/*?:\[\]]", "_", sheet)[:31] or "数据"
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=name, index=False)
    return buffer.getvalue()


def excel_button(frame: pd.DataFrame, name: str, key: str) -> None:
    st.download_button(
        t("ov.download_excel"),
        excel_bytes(frame, name),
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{key}",
    )


def bar(frame: pd.DataFrame, x: str, y: str, name: str, key: str, horizontal=False) -> None:
    """A bar chart of ``frame`` with PNG (toolbar) and Excel exports."""
    if frame.empty:
        st.caption(t("cs.none"))
        return
    if horizontal:
        fig = px.bar(frame, x=y, y=x, orientation="h", title=name)
        fig.update_yaxes(autorange="reversed")
    else:
        fig = px.bar(frame, x=x, y=y, title=name)
    show(fig, frame, name, key)


def line(frame: pd.DataFrame, x: str, ys: list[str], name: str, key: str, y_title="") -> None:
    """Lines over categories (the x labels shown as given, e.g. 2026年3月); a last point whose
    label says it is incomplete (未满月) is annotated as such."""
    if frame.empty:
        st.caption(t("cs.none"))
        return
    fig = px.line(frame, x=x, y=ys, markers=True, title=name, labels={"value": y_title})
    fig.update_xaxes(type="category", title_text="")
    fig.update_yaxes(title_text=y_title)
    last = str(frame[x].iloc[-1])
    if t("ov.partial_marker") in last and len(frame) > 1:
        fig.add_annotation(x=last, y=float(frame[ys[0]].iloc[-1]), text=t("ov.partial_note"),
                           showarrow=True, arrowhead=2)  # fmt: skip
    show(fig, frame, name, key)


def show(fig, frame: pd.DataFrame, name: str, key: str) -> None:
    fig.update_layout(margin={"l": 10, "r": 10, "t": 40, "b": 10}, height=340, legend_title_text="")
    config = {**PLOT_CONFIG, "toImageButtonOptions": {"format": "png", "filename": name}}
    st.plotly_chart(fig, config=config, key=f"fig_{key}", width="stretch")
    excel_button(frame, name, key)
