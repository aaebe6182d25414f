"""Downloader middlewares: evidence.py keeps every response as WARC evidence."""
