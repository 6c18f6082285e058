"""A tiny app for tests/views/test_agenda2030_views.py: views.agenda2030's parts run through AppTest until the
lead places them on Område, Karta and the insats detail (issue 17). `?del=omrade&omrade=14` shows Område's
section, `?del=karta` Karta's layer (its values as a table, with ?karta_dimension=), `?del=insats&insats=INS-002`
the insats's goals line."""

import streamlit as st

from lokalutveckling.views import agenda2030

lang = "en" if st.query_params.get("lang") == "EN" else "sv"
part = st.query_params.get("del", "omrade")
if part == "karta":
    layer = agenda2030.karta_layer(lang)
    if layer is None:
        st.markdown("None")
    else:
        st.markdown(f"{layer.name}|{layer.unit}|{layer.year}|{layer.higher_is_better}|{layer.indikator_kod}")
        st.table(layer.values.set_index("omrade_kod"))
elif part == "insats":
    st.markdown(f"{agenda2030.insats_goals_label(lang)}: {agenda2030.insats_goals(st.query_params['insats'], lang)}")
else:
    agenda2030.section(st.query_params.get("omrade", "14"), lang)
