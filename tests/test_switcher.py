"""The language link keeps the page and the #section, in real Chromium."""
import pytest


def switch_to(page, lang):
    # The header's language link (issue 14): words, not a menu; one link to the other language.
    link = page.locator(f'.md-header a.ecp-lang__link[hreflang="{lang}"]')
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("start,lang,expected", [
    ("/case-studies/teulu-hughes/#what-happened", "cy", "/cy/case-studies/teulu-hughes/#what-happened"),
    ("/cy/case-studies/teulu-hughes/rewrites/#rewrite-alcohol-services", "en",
     "/case-studies/teulu-hughes/rewrites/#rewrite-alcohol-services"),
])
def test_switcher_keeps_page_and_section(page, base_url, start, lang, expected):
    page.goto(base_url + start)
    switch_to(page, lang)
    assert page.url == base_url + expected
    assert page.evaluate("document.documentElement.lang") == lang
    section = expected.split("#")[1]
    assert page.locator(f"#{section}").count() == 1
    # The section is scrolled into view.
    top = page.evaluate(f"document.getElementById('{section}').getBoundingClientRect().top")
    assert 0 <= top < 400
    assert page.requests, "requests were not recorded"
    assert page.requests.external() == []
    assert page.errors == []


def test_copy_link_button_is_keyboard_reachable(page, base_url, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base_url + "/case-studies/teulu-hughes/")
    button = page.locator("#what-happened + .ecp-copy-link")  # beside the heading, not inside it (issue 17)
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == base_url + "/case-studies/teulu-hughes/#what-happened"
    assert "Copy link" in button.get_attribute("aria-label")
