"""Near-duplicate clusters: syndicated copies, quotes and reposts of one story share a cluster id."""

from __future__ import annotations

from data.near_duplicates import cluster_of, fingerprints
from spiders.items import Item

STORY = ("The head teacher of Queen Elizabeth High School in Carmarthen said on Monday that the new sports hall "
         "would open in January after months of delay caused by flooding on the site last winter. Parents "
         "welcomed the news at a meeting in the school library, where the governors also discussed bus times.")


def save(store, url: str, text: str, title: str = "", source: str = "web") -> int:  # type: ignore[no-untyped-def]
    item_id, _ = store.save_item(Item(source=source, url=url, text=text, title=title or None))
    return item_id


def test_a_syndicated_copy_with_another_headline_and_footer_joins_the_first(store):
    first = save(store, "http://gazette.invalid/hall", STORY, "Sports hall to open")
    copy = save(store, "http://herald.invalid/x/1", "By our reporter. " + STORY + " Read more local news here.",
                "New hall for QE High in January")
    assert cluster_of(store, first) == first and cluster_of(store, copy) == first


def test_a_post_quoting_a_sentence_of_the_story_joins_it(store):
    first = save(store, "http://gazette.invalid/hall", STORY)
    quote = save(store, "https://social.invalid/p/1", 'lol "said on Monday that the new sports hall would open in '
                 'January after months of delay" heard that before', source="x")
    assert cluster_of(store, quote) == first


def test_a_different_story_is_its_own_cluster(store):
    save(store, "http://gazette.invalid/hall", STORY)
    other = save(store, "http://gazette.invalid/rugby", "The under-15 rugby team from the school beat Llandovery "
                 "by twenty points on Saturday, their third win in a row this season, and play Llanelli next week.")
    assert cluster_of(store, other) == other


def test_a_third_copy_joins_the_first_items_cluster(store):
    first = save(store, "http://a.invalid/1", STORY)
    save(store, "http://b.invalid/2", STORY + " Updated at 10:00.")
    third = save(store, "http://c.invalid/3", "Reposted: " + STORY)
    assert cluster_of(store, third) == first


def test_a_stored_item_is_never_clustered_twice(store):
    first = save(store, "http://a.invalid/1", STORY)
    again = save(store, "http://a.invalid/1", STORY)
    assert again == first and cluster_of(store, first) == first


def test_accents_and_case_do_not_hide_a_copy():
    assert fingerprints("Siân Howells spoke to PARENTS about the trip to Cardiff Bay on Friday") == \
        fingerprints("sian howells spoke to parents about the trip to cardiff bay on friday")


def test_very_short_texts_have_no_fingerprints():
    assert fingerprints("QE High rocks") == []
