"""The privacy page's delete-my-data button in real Chromium."""
from __future__ import annotations

import pytest

PREFIX = {"en": "", "cy": "/cy"}
SEED = {
    "ecp:self-study:progress": '{"home": "2026-01-05"}',
    "ecp:self-study:record": '{"learned": "x"}',
    "ecp:exercise:teulu-hughes": "{}",
    "ecp:workbooks": "[]",
    "ecp:scale:teulu-hughes": "5",
    "other-site:setting": "keep me",
    "ecpx": "not ours either",
}
WORDS = {
    "en": {"button": "Delete my data from this browser", "deleted": "Deleted 5 saved items.",
           "cancelled": "Nothing was deleted.", "nothing": "There was nothing to delete."},
    "cy": {"button": "Dileu fy nata o'r porwr hwn", "deleted": "Wedi dileu 5 eitem.",
           "cancelled": "Ni chafodd dim ei ddileu.", "nothing": "Doedd dim byd i'w ddileu."},
}


def seeded(page, base_url, lang):
    url = f"{base_url}{PREFIX[lang]}/about/privacy/"
    page.goto(url)
    page.evaluate("seed => { for (const [k, v] of Object.entries(seed)) localStorage.setItem(k, v); }", SEED)
    page.reload()
    page.wait_for_selector("[data-module='delete-data'][data-ready]")


def keys(page):
    return set(page.evaluate("Object.keys(localStorage)"))


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_delete_button_empties_every_ecp_key_and_nothing_else(page, base_url, axe, lang):
    seeded(page, base_url, lang)
    assert "5" in page.locator("[data-count]").inner_text()
    assert axe(page, ".md-content") == [], "axe, before deleting"
    dialogs = []

    def accept(dialog):
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    page.get_by_role("button", name=WORDS[lang]["button"]).click()
    status = page.locator("[data-module='delete-data'] [role='status']")
    assert WORDS[lang]["deleted"] in status.inner_text()
    assert status.get_attribute("aria-live") == "polite"
    assert len(dialogs) == 1
    assert keys(page) == {"other-site:setting", "ecpx"}
    assert axe(page, ".md-content") == [], "axe, after deleting"

    # Pressing it again: nothing left, no dialog.
    page.get_by_role("button", name=WORDS[lang]["button"]).click()
    assert status.inner_text() == WORDS[lang]["nothing"]
    assert len(dialogs) == 1

    # The self-study page starts empty again.
    page.goto(f"{base_url}{PREFIX[lang]}/learn/self-study/")
    page.wait_for_selector("[data-module='self-study'][data-ready]")
    assert not page.locator("#done-home").is_checked()
    assert page.locator("#record-learned").input_value() == ""
    assert page.errors == []
    assert page.requests.external() == []


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_cancelling_keeps_everything(page, base_url, lang):
    seeded(page, base_url, lang)
    page.on("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name=WORDS[lang]["button"]).click()
    assert page.locator("[data-module='delete-data'] [role='status']").inner_text() == WORDS[lang]["cancelled"]
    assert keys(page) == set(SEED)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_privacy_page_reads_without_javascript(browser, base_url, lang):
    ctx = browser.new_context(java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(f"{base_url}{PREFIX[lang]}/about/privacy/")
    assert not pg.locator("[data-delete]").is_visible(), "a button that cannot work is hidden"
    text = pg.locator(".md-content").inner_text()
    for key in ("ecp:self-study:progress", "ecp:self-study:record", "ecp:exercise:", "ecp:workbook"):
        assert key in text
    assert pg.locator("#delete").count() == 1 and pg.locator("#stored").count() == 1
    ctx.close()
