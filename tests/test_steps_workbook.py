"""The Steps to Change workbook (issue 6), in real Chromium, in both languages.

Also: the worked examples that scenario pages embed are valid workbook exports.
"""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from helpers import DOCS, LANGS, LAPTOP, PHONE, SMALL_PHONE, component_assets, no_axe, prefix, url
from macros import strings, welsh
from macros.model import Workbook

WORKBOOK = "steps/workbook/"
READY = '[data-module="steps-workbook"][data-ready]'
CONTENT = ".md-content"  # the page itself; the theme's nav is checked site-wide elsewhere


def w(key: str, lang: str, **fmt) -> str:
    return strings.t(f"workbook.{key}", lang, **fmt)


def open_workbook(page, base_url, lang):
    page.goto(url(base_url, lang, WORKBOOK))
    page.wait_for_selector(READY)


def answer_dialogs(page, accept: bool):
    """Answer every confirm() from now on; returns the list of messages seen."""
    seen = []
    if getattr(page, "_wb_dialog", None):
        page.remove_listener("dialog", page._wb_dialog)

    def handler(dialog):
        seen.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page._wb_dialog = handler
    page.on("dialog", handler)
    return seen


def area(page, i):
    return page.locator(".wb-area").nth(i)


def fill_area(page, i, name, rating_dates=("2026-06-02",)):
    a = area(page, i)
    a.locator("[data-k=name]").fill(name)
    a.locator("[data-k=not_good_enough]").fill(f"{name}: what we see now")
    a.locator("[data-k=good_enough]").fill(f"{name}: what good enough looks like")
    a.locator("[data-act=add-step]").click()
    step = area(page, i).locator(".wb-step").last
    step.locator("[data-sk=text]").fill("Agree a weekend rota")
    step.locator("[data-sk=who]").fill("Siân and Gareth")
    step.locator("[data-sk=by]").fill("Before the first core group")
    area(page, i).locator("[data-k=contingency]").fill("Phone Nain")
    for n, date in enumerate(rating_dates):
        add_rating(page, i, date, f"Core group {n}", 3 + n, 2 + n, "The rota held")


def fill_date(form, day, month, year):
    """Type into the date input's three boxes, as a reader would."""
    for part, value in (("day", day), ("month", month), ("year", year)):
        form.locator(f"input[name=date-{part}]").fill(value)


def date_boxes(form) -> list[str]:
    return [form.locator(f"input[name=date-{part}]").input_value() for part in ("day", "month", "year")]


def add_rating(page, i, date, meeting, family, pros, moved):
    form = area(page, i).locator(".wb-rate")
    year, month, day = date.split("-")
    fill_date(form, str(int(day)), str(int(month)), year)
    form.locator("input[name=meeting]").fill(meeting)
    form.locator("select[name=family]").select_option(str(family))
    form.locator("select[name=professionals]").select_option(str(pros))
    form.locator("textarea[name=moved]").fill(moved)
    form.locator("button[type=submit]").click()


def delete_all(page):
    """Click "Delete all" and wait for its question: the words of it (welsh.js) may load first."""
    with page.expect_event("dialog"):
        page.locator("[data-act=delete-all]").click()


def stored(page):
    return page.evaluate("localStorage.getItem('ecp:workbooks')")


def current(page) -> dict:
    state = json.loads(stored(page))
    return state["books"][state["current"]]


def export(page) -> tuple[str, dict]:
    with page.expect_download() as info:
        page.locator("[data-act=export]").click()
    download = info.value
    text = open(download.path(), encoding="utf-8").read()
    return download.suggested_filename, json.loads(text)


def import_bytes(page, data: bytes, name="workbook.json"):
    page.locator(".wb-import").set_input_files({"name": name, "mimeType": "application/json", "buffer": data})


def no_leaks(page):
    assert page.requests.external() == [], page.requests.external()
    assert page.errors == []


@pytest.mark.parametrize("lang", LANGS)
def test_fill_reload_still_there(page, base_url, lang):
    open_workbook(page, base_url, lang)
    page.locator(".wb-name").fill("Teulu Jones")
    fill_area(page, 0, "Oedolyn sobr", ["2026-06-02", "2026-07-01"])
    page.reload()
    page.wait_for_selector(READY)
    assert page.locator(".wb-name").input_value() == "Teulu Jones"
    a = area(page, 0)
    assert a.locator("[data-k=name]").input_value() == "Oedolyn sobr"
    assert a.locator("[data-k=contingency]").input_value() == "Phone Nain"
    assert a.locator("[data-sk=who]").input_value() == "Siân and Gareth"
    assert a.locator("tbody tr").count() == 2
    assert a.locator(".wb-area-title").inner_text().startswith(w("area", lang, n=1))
    assert w("privacy", lang) in page.locator(".wb-privacy").inner_text()
    no_leaks(page)


@pytest.mark.parametrize("lang", LANGS)
def test_several_workbooks_side_by_side(page, base_url, lang):
    open_workbook(page, base_url, lang)
    page.locator(".wb-name").fill("First family")
    area(page, 0).locator("[data-k=name]").fill("one")
    page.locator("[data-act=new]").click()
    page.locator(".wb-name").fill("Second family")
    area(page, 0).locator("[data-k=name]").fill("two")
    page.reload()
    page.wait_for_selector(READY)
    options = page.locator(".wb-choose option").all_inner_texts()
    assert options == ["First family", "Second family"]
    assert area(page, 0).locator("[data-k=name]").input_value() == "two"
    page.locator(".wb-choose").select_option(label="First family")
    assert area(page, 0).locator("[data-k=name]").input_value() == "one"
    no_leaks(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_long_workbook_name_never_widens_the_page_at_320px(page, base_url, lang):
    """The workbook chooser lists names up to the limit: at 320px the page still never scrolls sideways."""
    page.set_viewport_size({"width": 320, "height": 700})
    open_workbook(page, base_url, lang)
    page.locator(".wb-name").fill("Teulu " + "Llanfairpwllgwyngyll " * 9)
    page.locator("[data-act=new]").click()
    page.locator(".wb-name").fill("Second family")
    page.wait_for_timeout(200)
    width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways: {width}"
    box = page.locator(".wb-choose").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width[1], box


@pytest.mark.parametrize("lang", LANGS)
def test_export_clear_import_identical(page, base_url, lang):
    open_workbook(page, base_url, lang)
    page.locator(".wb-name").fill("Export me")
    fill_area(page, 0, "First area", ["2026-06-02", "2026-07-01"])
    page.locator("[data-act=add-area]").click()
    fill_area(page, 1, 'Second "area" <b>bold</b>', ["2026-06-02"])
    name, first = export(page)
    assert name.endswith(".json") and name.startswith("export-me-")
    assert first["format"] == "ecp-steps-workbook" and first["version"] == 1 and first["lang"] == lang
    assert first == current(page)
    Workbook.model_validate(first)  # the browser's export is valid for the Python model too

    answer_dialogs(page, accept=True)
    delete_all(page)
    assert stored(page) is None
    assert area(page, 0).locator("[data-k=name]").input_value() == ""

    import_bytes(page, json.dumps(first).encode())
    expect(page.locator(".wb-status")).to_have_text(w("imported", lang, name="Export me"))
    _, again = export(page)
    assert again == first
    page.reload()
    page.wait_for_selector(READY)
    assert current(page) == first
    assert area(page, 1).locator("[data-k=name]").input_value() == 'Second "area" <b>bold</b>'
    no_leaks(page)


def _valid(**changes) -> dict:
    wb = {"format": "ecp-steps-workbook", "version": 1, "name": "Imported", "lang": "en",
          "updated": "2026-07-01T10:00:00.000Z",
          "areas": [{"name": "A", "not_good_enough": "", "good_enough": "", "contingency": "",
                     "steps": [{"text": "s", "who": "w", "by": "b"}],
                     "ratings": [{"date": "2026-06-02", "meeting": "ICC", "family": 5, "professionals": 2, "moved": ""}]}]}
    wb.update(changes)
    return wb


def _rating(**changes):
    wb = _valid()
    wb["areas"][0]["ratings"][0].update(changes)
    return wb


BAD_FILES = {
    "not json": (b"{not json", "err_json"),
    "an image": (b"\x89PNG\r\n\x1a\n\x00\x00", "err_json"),
    "wrong format": (json.dumps({"format": "something-else", "version": 1}).encode(), "err_format"),
    "a list": (b"[1, 2, 3]", "err_format"),
    "newer version": (json.dumps(_valid(version=2)).encode(), "err_version"),
    "rating 11": (json.dumps(_rating(family=11)).encode(), "err_field"),
    "huge number": (b'{"format":"ecp-steps-workbook","version":1,"name":"x","lang":"en","updated":"2026-01-01",'
                    b'"areas":[{"name":"","not_good_enough":"","good_enough":"","contingency":"",'
                    b'"ratings":[{"date":"2026-01-01","meeting":"","family":1e999,"professionals":2,"moved":""}]}]}', "err_field"),
    "bad date": (json.dumps(_rating(date="2026-02-30")).encode(), "err_field"),
    "words for a date": (json.dumps(_rating(date="yesterday")).encode(), "err_field"),
    "string score": (json.dumps(_rating(professionals="5")).encode(), "err_field"),
    "prototype key": (json.dumps(_valid()).replace('"name": "Imported"', '"name": "Imported", "__proto__": {"x": 1}').encode(), "err_field"),
    "unknown field": (json.dumps(_valid(script="<script>alert(1)</script>")).encode(), "err_field"),
    "empty name": (json.dumps(_valid(name="  ")).encode(), "err_field"),
    "eleven areas": (json.dumps(_valid(areas=_valid()["areas"] * 11)).encode(), "err_field"),
    "huge text": (json.dumps(_valid(areas=[{**_valid()["areas"][0], "name": "x" * 5000}])).encode(), "err_field"),
    "huge file": (b" " * (1 << 20) + json.dumps(_valid()).encode(), "err_size"),
}


WHOLE_BOOK = {"prototype key", "unknown field", "empty name", "eleven areas"}


@pytest.mark.parametrize("lang", LANGS)
def test_broken_and_hostile_files_refused_without_loss(page, base_url, lang):
    open_workbook(page, base_url, lang)
    page.locator(".wb-name").fill("Keep me")
    fill_area(page, 0, "Precious work")
    before = stored(page)
    dialogs = answer_dialogs(page, accept=True)
    alert = page.locator(".wb-alert")
    assert alert.get_attribute("role") == "alert"
    for label, (data, err) in BAD_FILES.items():
        import_bytes(page, data, f"{label}.json")
        if err == "err_field":  # issue 17: said in words, never the validator's path
            expect(alert).not_to_contain_text("areas.")
            expect(alert).to_contain_text(w("err_where_book", lang).split("{")[0] if label in WHOLE_BOOK else w("err_where_area", lang).split("{")[0])
        else:
            expect(alert).to_contain_text(w(err, lang).split("{")[0].split(":")[0])
        assert alert.inner_text().startswith(w("err_not_imported", lang)), label
        assert "undefined" not in alert.inner_text(), f"{label}: {alert.inner_text()}"
        if label == "prototype key":  # named like any other unknown part
            expect(alert).to_contain_text(w("err_unknown", lang, name="__proto__"))
        assert stored(page) == before, label
        assert area(page, 0).locator("[data-k=name]").input_value() == "Precious work", label
    assert dialogs == []  # refused before ever asking
    assert page.evaluate("Object.prototype.x") is None
    no_leaks(page)


@pytest.mark.parametrize("lang", LANGS)
def test_markup_in_a_file_is_shown_as_text(page, base_url, lang):
    open_workbook(page, base_url, lang)
    evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    wb = _valid(name=evil)
    wb["areas"][0]["name"] = evil
    wb["areas"][0]["ratings"][0]["moved"] = evil
    import_bytes(page, json.dumps(wb).encode())
    expect(page.locator(".wb-status")).to_have_text(w("imported", lang, name=evil))
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".wb-app img, .wb-app script").count() == 0
    assert page.locator(".wb-choose option").inner_text() == evil
    assert evil in area(page, 0).locator(".wb-area-title").inner_text()
    assert area(page, 0).locator("tbody td").nth(4).inner_text() == evil
    no_leaks(page)


@pytest.mark.parametrize("lang", LANGS)
def test_import_over_existing_work_asks_first(page, base_url, lang):
    open_workbook(page, base_url, lang)
    page.locator(".wb-name").fill("Mine")
    area(page, 0).locator("[data-k=name]").fill("My work")
    before = stored(page)
    dialogs = answer_dialogs(page, accept=False)
    import_bytes(page, json.dumps(_valid()).encode())
    expect(page.locator(".wb-import")).to_have_value("")
    page.wait_for_timeout(200)
    assert dialogs == [w("confirm_import", lang, name="Mine", file="Imported")]
    assert stored(page) == before
    answer_dialogs(page, accept=True)
    import_bytes(page, json.dumps(_valid()).encode())
    expect(page.locator(".wb-status")).to_have_text(w("imported", lang, name="Imported"))
    assert current(page) == _valid()
    no_leaks(page)


@pytest.mark.parametrize("lang", LANGS)
def test_delete_this_and_delete_all_confirm_first(page, base_url, lang):
    open_workbook(page, base_url, lang)
    page.locator(".wb-name").fill("One")
    area(page, 0).locator("[data-k=name]").fill("x")
    page.locator("[data-act=new]").click()
    page.locator(".wb-name").fill("Two")
    dialogs = answer_dialogs(page, accept=False)
    page.locator("[data-act=delete]").click()
    delete_all(page)
    assert dialogs == [w("confirm_delete", lang, name="Two"),
                       w("confirm_delete_all", lang, workbooks=welsh.count(2, "workbook", lang))]
    assert len(json.loads(stored(page))["books"]) == 2
    dialogs = answer_dialogs(page, accept=True)
    page.locator("[data-act=delete]").click()
    assert [b["name"] for b in json.loads(stored(page))["books"].values()] == ["One"]
    assert page.locator(".wb-name").input_value() == "One"
    delete_all(page)
    # One workbook left: the question is about it, not "all 1 workbooks".
    assert dialogs[-1] == strings.plural("workbook.confirm_delete_all", 1, lang)
    assert stored(page) is None
    assert page.locator(".wb-status").inner_text() == w("deleted_all", lang)
    no_leaks(page)


def shown_errors(form) -> dict:
    """The GOV.UK errors on a rating form: the summary's links, the message beside each field (without
    its hidden "Error:" prefix) and the names of the boxes marked invalid."""
    return form.evaluate("""f => ({
      summary: f.querySelector('.wb-error-summary').hidden ? null
        : [...f.querySelectorAll('.wb-error-summary a')].map((a) => a.textContent),
      inline: [...f.querySelectorAll('.wb-error-message')].filter((p) => !p.hidden).map((p) => p.lastElementChild.textContent),
      invalid: [...f.querySelectorAll('[aria-invalid=true]')].map((e) => e.name),
      focused: document.activeElement.classList.contains('wb-error-summary') && f.contains(document.activeElement) })""")


@pytest.mark.parametrize("lang", LANGS)
def test_rating_form_messages_are_in_the_page_language(page, base_url, lang):
    # GOV.UK errors in the page's language, not the browser's own bubbles ("Please fill out this
    # field." on a Welsh page): a summary that takes focus, and each message beside its field.
    open_workbook(page, base_url, lang)
    form = area(page, 0).locator(".wb-rate")
    form.locator("button[type=submit]").click()
    missing = [strings.t(k, lang) for k in ("form.date_missing", "form.family_missing", "form.professionals_missing")]
    got = shown_errors(form)
    assert got["summary"] == missing and got["inline"] == missing and got["focused"], got
    assert got["invalid"] == ["date-day", "date-month", "date-year", "family", "professionals"]
    assert page.locator(".wb-error-summary h4").first.inner_text() == w("error_title", lang)
    fill_date(form, "2", "6", "2026")
    form.locator("select[name=family]").select_option("3")
    form.locator("button[type=submit]").click()
    got = shown_errors(form)
    assert got["summary"] == got["inline"] == [strings.t("form.professionals_missing", lang)], got
    assert got["invalid"] == ["professionals"]
    assert stored(page) is None or not any(a["ratings"] for b in json.loads(stored(page))["books"].values()
                                           for a in b["areas"])
    form.locator("select[name=professionals]").select_option("2")
    form.locator("button[type=submit]").click()
    assert current(page)["areas"][0]["ratings"][0]["date"] == "2026-06-02"
    assert shown_errors(area(page, 0).locator(".wb-rate"))["summary"] is None


@pytest.mark.parametrize("lang", LANGS)
def test_fourth_area_shows_a_gentle_warning(page, base_url, lang, axe):
    open_workbook(page, base_url, lang)
    warning = page.locator(".wb-warning")
    for _ in range(2):
        page.locator("[data-act=add-area]").click()
    assert page.locator(".wb-area").count() == 3
    assert warning.is_hidden()
    page.locator("[data-act=add-area]").click()
    assert page.locator(".wb-area").count() == 4  # allowed, not forbidden
    assert warning.is_visible() and warning.inner_text() == w("fourth_warning", lang)
    assert page.evaluate("document.activeElement.dataset.k") == "name"  # focus on the new area
    assert axe(page, CONTENT) == []
    answer_dialogs(page, accept=True)
    area(page, 3).locator("[data-act=remove-area]").click()
    assert warning.is_hidden()
    no_leaks(page)


@pytest.mark.parametrize("lang", LANGS)
def test_chart_has_its_table(page, base_url, lang, axe):
    open_workbook(page, base_url, lang)
    a = area(page, 0)
    assert a.locator(".wb-no-ratings").is_visible() and a.locator(".wb-chart").is_hidden()
    fill_area(page, 0, '"We get to school"', ["2026-07-01", "2026-06-02", "2026-08-05"])
    svg = a.locator("svg[role=img]")
    svg.wait_for(state="attached", timeout=5000)  # chart.js loads with the first rating
    assert svg.count() == 1
    title = svg.locator("title").text_content()
    assert title == w("chart_title", lang, name="We get to school")
    assert "3" in svg.locator("desc").text_content()
    assert svg.locator(".ecp-chart__fam circle").count() == 3
    assert svg.locator(".ecp-chart__pro rect").count() == 3
    assert svg.locator(".ecp-chart__good line").count() == 1
    assert a.locator(".ecp-chart__legend li").all_inner_texts() == [w("family_short", lang), w("pros_short", lang)]
    table = a.locator("table.wb-table")
    assert table.locator("caption").inner_text() == title
    rows = table.locator("tbody tr")
    assert rows.count() == 3
    assert [rows.nth(k).locator("td").nth(2).inner_text() for k in range(3)] == ["4", "3", "5"]  # by date
    # Edit a rating in place.
    rows.nth(0).locator("[data-act=edit-rating]").click()
    form = a.locator(".wb-rate")
    assert date_boxes(form) == ["2", "6", "2026"]
    form.locator("select[name=family]").select_option("9")
    form.locator("button[type=submit]").click()
    assert table.locator("tbody tr").nth(0).locator("td").nth(2).inner_text() == "9"
    assert table.locator("tbody tr").count() == 3
    assert axe(page, CONTENT) == []
    no_leaks(page)


@pytest.mark.parametrize("lang", LANGS)
def test_print_media_shows_the_print_layout(page, base_url, lang):
    open_workbook(page, base_url, lang)
    page.locator(".wb-name").fill("Print me")
    fill_area(page, 0, "Area", ["2026-06-02", "2026-07-01"])
    page.locator(".wb-area svg[role=img]").first.wait_for(timeout=5000)  # chart.js loads with the first rating
    page.emulate_media(media="print")
    assert page.locator(".wb-bar").is_hidden()
    assert page.locator(".wb-rate").first.is_hidden()
    assert page.locator(".wb-privacy").is_hidden()
    assert page.locator(".wb-print-name").inner_text() == "Print me"
    assert page.locator(".wb-area svg[role=img]").is_visible()
    assert page.locator(".wb-area table.wb-table").is_visible()
    assert page.locator(".wb-blank").is_hidden()
    assert page.locator(".md-sidebar--primary").is_hidden()
    # The blank version for paper.
    page.evaluate("document.documentElement.dataset.wbPrint = 'blank'")
    assert page.locator(".wb-app").is_hidden()
    assert page.locator(".wb-blank").is_visible()
    assert page.locator(".wb-blank-area").count() == 3
    page.evaluate("delete document.documentElement.dataset.wbPrint")
    page.emulate_media(media="screen")
    assert page.locator(".wb-blank").is_hidden() and page.locator(".wb-bar").is_visible()
    no_leaks(page)


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_blank_form_is_offered(browser, site, base_url, lang, axe):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        pg = ctx.new_page()
        pg.goto(url(base_url, lang, WORKBOOK))
        assert pg.locator(".wb-nojs").inner_text() == w("needs_js", lang)
        assert pg.locator(".wb-app").is_hidden()
        assert pg.locator(".wb-blank").is_visible()
        assert pg.locator(".wb-blank h3").first.inner_text() == w("area", lang, n=1)
        # Examples are fully readable without JavaScript.
        pg.goto(url(base_url, lang, "case-studies/teulu-hughes/steps/"))
        assert pg.locator(".wb-example table.wb-table tbody tr").count() >= 1
        assert pg.locator(".wb-example-start").is_hidden()
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", LANGS)
def test_start_from_an_example(page, base_url, lang, axe):
    page.goto(url(base_url, lang, "case-studies/teulu-hughes/steps/"))
    page.wait_for_selector('[data-module="steps-workbook-example"][data-ready]')
    example = json.loads(page.locator(".wb-example-data").text_content())
    assert page.locator(".wb-example svg[role=img]").count() == sum(1 for a in example["areas"] if a["ratings"])
    assert axe(page, CONTENT) == []
    page.locator("[data-act=start-example]").click()
    page.wait_for_url(re.compile(r"/steps/workbook/$"))
    assert page.url == url(base_url, lang, WORKBOOK)  # the workbook in the same language
    page.wait_for_selector(READY)
    assert page.locator(".wb-name").input_value() == example["name"]
    got = current(page)
    assert got["areas"] == example["areas"] and got["name"] == example["name"]
    assert area(page, 0).locator("[data-k=name]").input_value() == example["areas"][0]["name"]
    assert axe(page, CONTENT) == []
    no_leaks(page)


@pytest.mark.parametrize("lang", LANGS)
def test_axe_clean_in_every_state(page, base_url, lang, axe):
    open_workbook(page, base_url, lang)
    assert axe(page, CONTENT) == []  # empty
    fill_area(page, 0, "Area one", ["2026-06-02", "2026-07-01"])
    page.locator("[data-act=add-area]").click()
    assert axe(page, CONTENT) == []  # filled, with a chart
    import_bytes(page, b"nonsense")
    expect(page.locator(".wb-alert")).to_contain_text(w("err_json", lang))
    assert axe(page, CONTENT) == []  # an error showing
    page.set_viewport_size({"width": 375, "height": 800})
    assert axe(page, CONTENT) == []  # narrow
    no_leaks(page)


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_reaches_every_control(page, base_url, lang):
    open_workbook(page, base_url, lang)
    page.locator(".wb-choose").focus()
    seen = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.add(page.evaluate("(e => e.dataset.act || e.dataset.k || e.dataset.sk || e.name || e.className)(document.activeElement)"))
    for control in ("new", "export", "print", "print-blank", "delete", "delete-all", "name", "not_good_enough",
                    "add-step", "date-day", "date-month", "date-year", "family", "professionals", "remove-area", "add-area"):
        assert control in seen, (control, seen)
    # Enter on "Add a step" adds a step and focuses it.
    page.locator("[data-act=add-step]").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.sk") == "text"


def _embedded_examples(site):
    for lang in LANGS:
        root = site / "cy" if lang == "cy" else site
        for html_file in sorted((root / "case-studies").glob("*/steps/index.html")):
            html = html_file.read_text(encoding="utf-8")
            m = re.search(r'<script type="application/json" class="wb-example-data">(.*?)</script>', html, re.S)
            yield lang, html_file, m


def test_embedded_examples_are_valid_workbooks(site):
    found = 0
    for lang, path, m in _embedded_examples(site):
        assert m, f"{path} embeds no example workbook"
        data = json.loads(m.group(1))
        wb = Workbook.model_validate(data)
        assert wb.lang == lang and wb.areas
        assert "<" not in m.group(1)  # nothing in the JSON can close the script element
        found += 1
    assert found >= 2


def test_workbook_page_has_one_macro_call_and_both_languages():
    for lang in LANGS:
        text = (DOCS / "steps" / f"workbook.{lang}.md").read_text(encoding="utf-8")
        prose, _, sources = text.partition("{ #sources }")  # prose, one macro call, then its Sources list
        assert prose.count("{{") == 1 and "steps_workbook()" in prose
        assert sources.count("{{") == 1 and "sources(" in sources


def test_budget_js_and_css_under_15_kib_gzip():
    import gzip

    folder = component_assets("steps-workbook")
    total = sum(len(gzip.compress(p.read_bytes(), 9)) for p in folder.iterdir() if p.suffix in (".js", ".css"))
    assert total < 15 * 1024, f"{total} bytes gzip"


@pytest.mark.parametrize("lang", LANGS)
def test_example_links_to_the_workbook_in_its_own_language(site, lang):
    from urllib.parse import urljoin

    prefix = "/cy/" if lang == "cy" else "/"
    html = (site / prefix.strip("/") / "case-studies" / "teulu-hughes" / "steps" / "index.html").read_text(encoding="utf-8")
    href = re.search(r'data-workbook-href="([^"]+)"', html).group(1)
    assert urljoin(f"http://x{prefix}case-studies/teulu-hughes/steps/", href) == f"http://x{prefix}steps/workbook/"


# ---------------------------------------------------------------- workbook

def import_rating(page, **change):
    wb = {"format": "ecp-steps-workbook", "version": 1, "name": "Imported", "lang": "en", "updated": "2026-07-01",
          "areas": [{"name": f"Area {i}", "not_good_enough": "", "good_enough": "", "contingency": "",
                     "ratings": [{"date": "2026-06-02", "meeting": "", "family": 5, "professionals": 2, "moved": ""},
                                 {"date": "2026-06-09", "meeting": "", "family": 5, "professionals": 2, "moved": ""}]}
                    for i in (1, 2, 3)]}
    wb["areas"][2]["ratings"][1].update(change)
    page.locator(".wb-import").set_input_files({"name": "x.json", "mimeType": "application/json", "buffer": json.dumps(wb).encode()})


@pytest.mark.parametrize("lang", LANGS)
def test_import_errors_are_said_in_words(page, base_url, lang):
    page.goto(f"{base_url}{prefix(lang)}/steps/workbook/")
    page.wait_for_selector(READY)
    alert = page.locator(".wb-alert")
    import_rating(page, family=11)
    expected = (strings.t("workbook.err_where_rating", lang).format(n=3, m=2) + ": "
                + strings.t("workbook.err_family", lang))
    page.wait_for_function("() => document.querySelector('.wb-alert').textContent.length > 0")
    assert alert.text_content() == strings.t("workbook.err_not_imported", lang) + " " + expected
    if lang == "en":
        assert expected == "Area 3, rating 2: the family's rating must be a number from 1 to 10."
    import_rating(page, date="2026-02-30")
    page.wait_for_function("s => document.querySelector('.wb-alert').textContent.includes(s)",
                           arg=strings.t("workbook.err_date", lang))
    assert "areas." not in alert.text_content()


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
@pytest.mark.parametrize("lang", LANGS)
def test_workbook_puts_the_work_before_the_file_actions(page, base_url, axe, lang, width):
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(f"{base_url}{prefix(lang)}/steps/workbook/")
    page.wait_for_selector(READY)
    first_field = page.locator(".wb-area [data-k=name]").first
    # From the start of the workbook to its first field: the privacy note, the workbook chooser and
    # name, then the area's heading. Before issue 17 the file buttons came first too (about 1,500px).
    gap = first_field.evaluate("e => e.getBoundingClientRect().top - document.querySelector('[data-module=steps-workbook]').getBoundingClientRect().top")
    assert gap < 1050, f"the first field of the work starts {gap}px into the workbook at {width}px"
    for act in ("export", "delete", "delete-all"):
        btn = page.locator(f'[data-module="steps-workbook"] [data-act="{act}"]')
        assert btn.evaluate("(b, f) => f.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING",
                            first_field.element_handle()), f"{act} comes after the work (DOM and Tab order)"
    # The import field's alert sits with the import field.
    assert page.locator(".wb-files .wb-alert").count() == 1
    no_axe(axe, page, f"workbook at {width}px")


# ------------------------------------------------------------- phones: charts and tables that fit

OVERLAPS = """() => { const out = [];
  for (const svg of document.querySelectorAll('.md-content svg[role=img]')) {
    const boxes = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim())
      .map((t) => [t.textContent.trim(), t.getBoundingClientRect()]);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, r] = boxes[i], [b, q] = boxes[j];
      if (r.left < q.right - 0.5 && q.left < r.right - 0.5 && r.top < q.bottom - 0.5 && q.top < r.bottom - 0.5) out.push(`${a} / ${b}`);
    }
  }
  return out; }"""

SCROLL_BOXES = """() => [...document.querySelectorAll('.md-content *')].filter((e) => {
    const cs = getComputedStyle(e);
    return (/auto|scroll/.test(cs.overflowX) && e.scrollWidth > e.clientWidth)
        || (e.tagName === 'TD' && e.scrollWidth > e.clientWidth + 1); })
  .map((e) => `${e.tagName}.${e.className} ${e.scrollWidth}>${e.clientWidth}`)"""


@pytest.mark.parametrize("lang", LANGS)
def test_charts_and_tables_fit_a_phone_in_every_case_study_and_the_workbook(page, base_url, lang):
    """Every case study's Steps to Change page, and the workbook started from one: at 320 and 360px
    (and on a laptop) no two labels in a chart overlap, no table cell clips its words and nothing in
    the content is a sideways scroll box a keyboard cannot reach."""
    from macros.loader import load_all
    from macros.case_pages import page_path
    sids = sorted(load_all())
    for width in (320, 360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        for sid in sids:
            page.goto(url(base_url, lang, page_path(sid, "steps")))
            page.wait_for_selector('[data-module="steps-workbook-example"][data-ready]')
            assert page.locator(".md-content svg[role=img] text").count() > 0
            where = f"{lang} {sid} steps at {width}px"
            assert page.evaluate(OVERLAPS) == [], where
            assert page.evaluate(SCROLL_BOXES) == [], where
    page.locator("[data-act=start-example]").click()
    page.wait_for_url(re.compile(r"/steps/workbook/$"))
    page.wait_for_selector(READY)
    page.locator(".md-content svg[role=img] text").first.wait_for(timeout=5000)  # chart.js loads with the first rating
    for width in (320, 360):
        page.set_viewport_size({"width": width, "height": 800})
        page.wait_for_timeout(100)
        assert page.locator(".md-content svg[role=img] text").count() > 0
        assert page.evaluate(OVERLAPS) == [], f"{lang} workbook at {width}px"
        assert page.evaluate(SCROLL_BOXES) == [], f"{lang} workbook at {width}px"


# ------------------------------------------------------- the date input, errors, warning buttons

def start_from_example(page, base_url, lang, width=LAPTOP):
    """The workbook with a case's worked example in it (areas, steps and ratings)."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url(base_url, lang, "case-studies/teulu-hughes/steps/"))
    page.wait_for_selector('[data-module="steps-workbook-example"][data-ready]')
    page.locator("[data-act=start-example]").click()
    page.wait_for_url(re.compile(r"/steps/workbook/$"))
    page.wait_for_selector(READY)


@pytest.mark.parametrize("lang", LANGS)
def test_the_rating_date_is_a_govuk_date_input(page, base_url, lang):
    """A fieldset with a legend and a hint, then three labelled text boxes (Day, Month, Year) that
    bring up the number keypad, sized for 2, 2 and 4 characters; no browser date picker anywhere."""
    open_workbook(page, base_url, lang)
    assert page.locator(".wb input[type=date]").count() == 0
    form = area(page, 0).locator(".wb-rate")
    group = form.locator("fieldset.wb-date")
    assert group.count() == 1
    assert group.locator("legend").inner_text() == w("date_legend", lang)
    hint = group.locator(".wb-hint")
    assert hint.inner_text() == w("date_hint", lang)
    assert hint.get_attribute("id") in group.get_attribute("aria-describedby").split()
    widths = {}
    for part in ("day", "month", "year"):
        box = group.locator(f"input[name=date-{part}]")
        assert box.get_attribute("type") == "text" and box.get_attribute("inputmode") == "numeric"
        label = group.locator(f"label[for='{box.get_attribute('id')}']")
        assert label.inner_text() == w(part, lang)
        widths[part] = box.bounding_box()["width"]
    assert widths["day"] == widths["month"] < widths["year"] < 2 * widths["day"], widths
    assert 30 < widths["day"] < 80, widths
    no_leaks(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_wrong_date_says_which_part_and_keeps_what_was_typed(page, base_url, lang):
    open_workbook(page, base_url, lang)
    page.locator(".wb-name").fill("Teulu Jones")
    area(page, 0).locator("[data-k=name]").fill("Oedolyn sobr")
    form = area(page, 0).locator(".wb-rate")
    fill_date(form, "31", "", "2026")
    form.locator("input[name=meeting]").fill("Core group 2")
    form.locator("select[name=family]").select_option("4")
    form.locator("select[name=professionals]").select_option("3")
    form.locator("textarea[name=moved]").fill("The rota held")

    def submit_and_expect(key, marked):
        form.locator("button[type=submit]").click()
        got = shown_errors(form)
        assert got["summary"] == got["inline"] == [strings.t(key, lang)] and got["focused"], (key, got)
        assert got["invalid"] == [f"date-{p}" for p in marked], (key, got)
        # Everything the reader typed is still there, and nothing was saved.
        assert form.locator("input[name=meeting]").input_value() == "Core group 2"
        assert form.locator("select[name=family]").input_value() == "4"
        assert form.locator("textarea[name=moved]").input_value() == "The rota held"
        assert area(page, 0).locator("[data-k=name]").input_value() == "Oedolyn sobr"
        assert current(page)["areas"][0]["ratings"] == [] and current(page)["name"] == "Teulu Jones"

    submit_and_expect("form.date_missing_month", ["month"])
    assert date_boxes(form) == ["31", "", "2026"]
    # The summary's link takes the reader to the box to fix.
    form.locator(".wb-error-summary a").click()
    assert page.evaluate("document.activeElement.name") == "date-month"
    form.locator("input[name=date-month]").fill("2")
    submit_and_expect("form.date_invalid", ["day"])  # 31 February
    fill_date(form, "28", "2", "26")
    submit_and_expect("form.date_year_digits", ["year"])
    fill_date(form, "28", "2", "1850")
    submit_and_expect("form.date_year_range", ["year"])
    fill_date(form, "", "", "2026")
    submit_and_expect("form.date_missing_day_month", ["day", "month"])
    fill_date(form, "28", "2", "2026")
    form.locator("button[type=submit]").click()
    assert current(page)["areas"][0]["ratings"] == [
        {"date": "2026-02-28", "meeting": "Core group 2", "family": 4, "professionals": 3, "moved": "The rota held"}]
    assert shown_errors(area(page, 0).locator(".wb-rate")) == {"summary": None, "inline": [], "invalid": [], "focused": False}
    no_leaks(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_date_typed_in_three_boxes_is_stored_and_exported_as_iso(page, base_url, lang):
    """7 / 3 / 2026 is kept and exported as 2026-03-07, so files from before the date input still
    import; editing a rating puts its date back into the three boxes."""
    open_workbook(page, base_url, lang)
    page.locator(".wb-name").fill("Dates")
    form = area(page, 0).locator(".wb-rate")
    fill_date(form, "7", "03", " 2026 ")
    form.locator("select[name=family]").select_option("5")
    form.locator("select[name=professionals]").select_option("4")
    form.locator("button[type=submit]").click()
    assert current(page)["areas"][0]["ratings"][0]["date"] == "2026-03-07"
    _, exported = export(page)
    assert exported["areas"][0]["ratings"][0]["date"] == "2026-03-07"
    older = _rating(date="2025-11-30")
    answer_dialogs(page, accept=True)
    import_bytes(page, json.dumps(older).encode())
    expect(page.locator(".wb-status")).to_have_text(w("imported", lang, name="Imported"))
    assert current(page) == older
    area(page, 0).locator("[data-act=edit-rating]").click()
    assert date_boxes(area(page, 0).locator(".wb-rate")) == ["30", "11", "2025"]
    area(page, 0).locator(".wb-rate button[type=submit]").click()
    assert current(page) == {**older, "updated": current(page)["updated"]}
    import_bytes(page, json.dumps(exported).encode())
    expect(page.locator(".wb-status")).to_have_text(w("imported", lang, name="Dates"))
    assert current(page) == exported
    no_leaks(page)


DANGER = ("delete", "delete-all", "remove-area", "remove-step", "remove-rating")


@pytest.mark.parametrize("lang", LANGS)
def test_destructive_buttons_are_warning_buttons_set_apart(page, base_url, lang):
    """Delete, Delete all, Remove (area, step, rating) are the site's warning buttons, and at 1280px
    none shares a row with another kind of button: each is below the others, with space between."""
    start_from_example(page, base_url, lang)
    area(page, 0).locator("[data-act=add-step]").click()
    buttons = page.evaluate("""() => [...document.querySelectorAll('[data-module=steps-workbook] .wb-app button')]
      .filter((b) => b.checkVisibility()).map((b) => { const r = b.getBoundingClientRect();
        return {act: b.dataset.act, danger: b.classList.contains('wb-danger'), bg: getComputedStyle(b).backgroundColor,
                top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right}; })""")
    warning = page.evaluate("""() => { const b = document.createElement('button'); b.className = 'md-button ecp-button--warning';
      document.querySelector('.md-typeset').append(b); const c = getComputedStyle(b).backgroundColor; b.remove(); return c; }""")
    danger = [b for b in buttons if b["act"] in DANGER]
    assert {b["act"] for b in danger} == set(DANGER)
    assert all(b["danger"] and b["bg"] == warning for b in danger), [b for b in danger if not b["danger"]]
    others = [b for b in buttons if b["act"] not in DANGER]
    assert others and not [b for b in others if b["danger"]]
    for d in danger:
        for o in others:
            apart = o["bottom"] + 8 <= d["top"] or o["top"] >= d["bottom"] + 8
            assert apart, f"{d['act']} shares a row with {o['act']}: {d} / {o}"
    no_leaks(page)


@pytest.mark.parametrize("lang", LANGS)
def test_remove_step_and_rating_still_work(page, base_url, lang):
    start_from_example(page, base_url, lang)
    before = current(page)["areas"][0]
    dialogs = answer_dialogs(page, accept=True)
    area(page, 0).locator("[data-act=remove-step]").first.click()
    area(page, 0).locator("[data-act=remove-rating]").first.click()
    after = current(page)["areas"][0]
    assert after["steps"] == before["steps"][1:]
    assert len(after["ratings"]) == len(before["ratings"]) - 1 and len(dialogs) == 1
    no_leaks(page)


@pytest.mark.parametrize("width", [SMALL_PHONE, LAPTOP])
@pytest.mark.parametrize("lang", LANGS)
def test_axe_clean_with_an_example_and_with_a_date_error(page, base_url, axe, lang, width):
    start_from_example(page, base_url, lang, width)
    no_axe(axe, page, f"{lang} workbook with an example at {width}px")
    form = area(page, 0).locator(".wb-rate")
    fill_date(form, "31", "", "2026")
    form.locator("button[type=submit]").click()
    assert shown_errors(form)["summary"] == [strings.t("form.date_missing_month", lang), strings.t("form.family_missing", lang),
                                             strings.t("form.professionals_missing", lang)]
    no_axe(axe, page, f"{lang} workbook with a date error at {width}px")
    no_leaks(page)
