"""English or Welsh, from the text itself."""

from __future__ import annotations

import pytest

from spiders.extract import extract_page
from spiders.language import detect

WELSH = ("Mae Ysgol y Frenhines Elisabeth yn falch iawn o gyhoeddi bod y neuadd chwaraeon newydd wedi agor. "
         "Roedd y disgyblion a’r staff wedi gweithio’n galed i godi arian ar gyfer y prosiect, ac mae’r rhieni "
         "hefyd wedi helpu. Bydd y neuadd ar agor i’r gymuned gyda’r nos ac ar benwythnosau.")
ENGLISH = ("The new sports hall at the school has opened after months of delay. Parents and pupils were pleased "
           "with the news, and the head teacher thanked everyone who had helped to raise money for it.")
GERMAN = ("Die neue Sporthalle der Schule wurde nach monatelanger Verzögerung eröffnet. Eltern und Schüler "
          "freuten sich über die Nachricht, und der Schulleiter dankte allen, die beim Sammeln geholfen hatten.")


@pytest.mark.parametrize(("text", "lang"), [(WELSH, "cy"), (ENGLISH, "en"), (GERMAN, None), ("Croeso!", None)])
def test_detect(text, lang):
    assert detect(text) == lang


def test_a_welsh_page_that_declares_english_is_welsh():
    page = f'<html lang="en"><head><title>Neuadd newydd</title></head><body><article><p>{WELSH}</p></article></body></html>'
    extracted = extract_page(page, "http://newyddion.invalid/neuadd", 10_000)
    assert extracted is not None and extracted.lang == "cy"


def test_a_page_declaring_another_language_keeps_it():
    page = f'<html lang="de"><head><title>Halle</title></head><body><article><p>{GERMAN}</p></article></body></html>'
    extracted = extract_page(page, "http://nachrichten.invalid/halle", 10_000)
    assert extracted is not None and extracted.lang == "de"
