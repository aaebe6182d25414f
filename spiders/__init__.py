"""Collect: Scrapy spiders (sites/), their middlewares and item pipelines, and the crawl runner."""
