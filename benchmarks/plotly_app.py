"""Second baseline: a Streamlit page with one tiny Plotly chart, to separate Plotly's own load time."""

import plotly.graph_objects as go
import streamlit as st

st.title("Tom sida med Plotly")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])), theme=None)
