"""The review server (`jixiao review --db DB`): the auditor's workbench over the ingest database.

ledger: verdicts and corrections stored beside the extraction, the checks re-run on the corrected record;
dataset: what the export carries of them; pages: the source's pages as images with the values' boxes;
listing: the report list and its filters; app: the Flask application and its pages (templates/).
The web parts (Flask) are imported only by `app`, so the export needs none of them.
"""
