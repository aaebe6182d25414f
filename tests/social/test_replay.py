"""The replay adapter answers a client library from recordings, and never lets a request reach the network."""

from __future__ import annotations

import pytest
import requests

from social.replay import Interaction, NoRecording, ReplayAdapter
from tests.social.conftest import REDDIT, X


def _session(adapter: ReplayAdapter) -> requests.Session:
    session = requests.Session()
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def test_a_request_matches_whatever_the_order_of_its_query_string() -> None:
    adapter = ReplayAdapter([Interaction("GET", "https://api.test/s?a=1&b=2", body=b"yes")])
    assert _session(adapter).get("https://api.test/s", params={"b": "2", "a": "1"}).text == "yes"


def test_ignored_parameters_do_not_take_part_in_matching() -> None:
    adapter = ReplayAdapter([Interaction("GET", "https://api.test/s?q=x&limit=5", body=b"yes")], ignore_params={"limit"})
    assert _session(adapter).get("https://api.test/s?q=x&limit=100").text == "yes"


def test_interactions_are_served_in_order_then_the_last_again() -> None:
    adapter = ReplayAdapter([Interaction("GET", "https://api.test/s", status=429), Interaction("GET", "https://api.test/s")])
    session = _session(adapter)
    assert [session.get("https://api.test/s").status_code for _ in range(3)] == [429, 200, 200]


def test_a_request_with_no_recording_fails_without_touching_the_network() -> None:
    with pytest.raises(NoRecording):
        _session(ReplayAdapter([])).get("https://example.org/")


def test_gzip_bodies_from_a_vcrpy_cassette_are_decoded_by_requests() -> None:
    adapter = ReplayAdapter.from_files(X / "test_client_search_recent_tweets.yaml")
    body = _session(adapter).get("https://api.twitter.com/2/tweets/search/recent?query=Tweepy").json()
    assert body["meta"]["result_count"] == 10


def test_a_betamax_cassette_keeps_its_status_and_headers() -> None:
    adapter = ReplayAdapter.from_files(REDDIT / "TestRedditorListings.test_downvoted__other_user.json")
    response = _session(adapter).get("https://oauth.reddit.com/user/spez/downvoted?limit=100&raw_json=1")
    assert response.status_code == 403
    assert "x-ratelimit-remaining" in response.headers
