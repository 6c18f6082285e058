"""A tiny app for tests/views/test_barn.py: views.barn's Karta layer and kraftsamling section, run through
AppTest until Karta places them (issue 17). `?del=karta` shows the layer's values as a table (with the sidebar
filters given as ?ar=, ?kalla=, ?fokus=, ?namnd=), `?del=kraft` the section (with ?folj=1 following them)."""

import streamlit as st

from lokalutveckling import data
from lokalutveckling.views import barn

lang = "en" if st.query_params.get("lang") == "EN" else "sv"
f = data.Filter(
    ar=tuple(int(y) for y in st.query_params.get_all("ar")),
    finansiering=tuple(st.query_params.get_all("kalla")),
    fokus=tuple(st.query_params.get_all("fokus")),
    namnder=tuple(st.query_params.get_all("namnd")),
)
if st.query_params.get("del") == "karta":
    layer = barn.karta_layer(f, lang)
    st.markdown(f"{layer.name}|{layer.unit}|{layer.year}|{layer.city_value}|{layer.indikator_kod}")
    st.table(layer.values.set_index("omrade_kod"))
else:
    barn.kraftsamling_section(lang, f if st.query_params.get("folj") else None)
