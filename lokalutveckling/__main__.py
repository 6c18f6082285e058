"""`python -m lokalutveckling <group> <command>`."""

import logging

# Commands use the package's Streamlit caches without a server, and `report` runs pages headless: Streamlit's
# warnings about that are not for the reader of a command's output (a filter, since Streamlit sets its
# loggers' levels again whenever it reads its configuration). Installed before Streamlit is imported.
for name in (
    "streamlit.runtime.caching.cache_data_api",
    "streamlit.runtime.caching.cache_resource_api",
    "streamlit.runtime.scriptrunner_utils.script_run_context",
):
    logging.getLogger(name).addFilter(lambda record: record.levelno >= logging.ERROR)

from lokalutveckling.cli import main  # noqa: E402  (after the filters above)

raise SystemExit(main())
