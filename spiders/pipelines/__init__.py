"""Item pipelines, in the order set in spiders/settings.py ITEM_PIPELINES:
validate.py (drop items without text, cap sizes) then store.py (save to the store)."""
