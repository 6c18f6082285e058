"""Page parts, one module per subject: a page imports the modules it needs and reads like its question.

`money` (what a money figure says about itself: years, stages, filters not followed, the view's total; the
money per nämnd), `oversikt`, `beslut`, `karta`, `omrade`, `behov`, `insatser`, `namnder`, `kvalitet`,
`data_page` (the Data page's snapshots and seeds), `dokument` (sources as links to their documents) and
`indicators` (the names an indicator is shown by). Each figure is a named function that builds it once
per filter and language (store.cache.cached_figure) from a pure builder in `lokalutveckling.figures`.
"""
