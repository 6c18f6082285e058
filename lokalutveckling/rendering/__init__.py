"""What leaves the screen for a meeting: a view as a `model.Report` (its charts, tables and notes, each
with what it is, its filters and sources), drawn as images (`images`, Plotly through Kaleido and Debian's
chromium), as an A4 PDF report (`pdf`) and as slides (`slides`)."""
