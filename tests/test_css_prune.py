"""The build step that drops Material's CSS rules nothing in the built site can match
(macros/css_prune.py), on small made-up sites: no build, no browser."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros import css_prune  # noqa: E402


def prune(css: str, html: str = "<p class='used'>x</p>", js: str = "", other_css: str = "",
          tmp: Path | None = None) -> str:
    """Prune `css` as main.css of a site holding `html` (index.html), `js` (app.js) and
    `other_css` (own.css, read for var() but never pruned); the pruned text."""
    import tempfile

    site = Path(tempfile.mkdtemp(dir=tmp))
    (site / "index.html").write_text(html, encoding="utf-8")
    if js:
        (site / "app.js").write_text(js, encoding="utf-8")
    if other_css:
        (site / "own.css").write_text(other_css, encoding="utf-8")
    target = site / "main.css"
    target.write_text(css, encoding="utf-8")
    css_prune.prune_site(site, [target])
    return target.read_text(encoding="utf-8")


def test_a_rule_whose_class_is_nowhere_is_dropped(tmp_path):
    out = prune(".used{color:red}.md-version{color:blue}", tmp=tmp_path)
    assert out == ".used{color:red}"


def test_a_class_in_the_html_or_a_script_keeps_its_rule(tmp_path):
    css = ".used{a:1}.from-js{b:2}.inline-js{c:3}.gone{d:4}"
    out = prune(css, js="el.classList.add('from-js')", tmp=tmp_path)
    assert ".used{a:1}" in out and ".from-js{b:2}" in out and ".gone" not in out
    out = prune(css, html="<p class=used></p><script>var c='inline-js'</script>", tmp=tmp_path)
    assert ".inline-js{c:3}" in out and ".from-js{" not in out


def test_a_prefix_built_in_a_script_keeps_every_name_it_starts():
    vocab = css_prune.Vocabulary({"md-tag--"}, ("md-tag--",))
    assert css_prune.possible(".md-tag--anything", vocab)
    assert not css_prune.possible(".md-tab", vocab)


def test_ids_and_attributes_count_like_classes(tmp_path):
    css = "#here{a:1}#nowhere{b:2}[data-open]{c:3}[data-shut]{d:4}[type=search]{e:5}[type=radio]{f:6}"
    html = "<div id=here data-open><input type=search></div>"
    out = prune(css, html=html, tmp=tmp_path)
    assert out == "#here{a:1}[data-open]{c:3}[type=search]{e:5}"


def test_a_dataset_name_in_a_script_keeps_its_data_attribute(tmp_path):
    out = prune("[data-md-fooBar]{a:1}[data-foo-bar]{b:2}[data-baz-qux]{c:3}", js="el.dataset.fooBar=1",
                tmp=tmp_path)
    assert "[data-foo-bar]{b:2}" in out and "baz-qux" not in out


def test_a_selector_list_keeps_the_selectors_that_can_match(tmp_path):
    out = prune(".used,.gone{a:1}", tmp=tmp_path)
    assert out == ".used{a:1}"


def test_a_list_with_a_vendor_prefixed_part_stays_whole(tmp_path):
    css = ".used::-webkit-scrollbar,.gone{a:1}"
    assert prune(css, tmp=tmp_path) == css


def test_nothing_inside_not_or_has_is_required(tmp_path):
    css = ".used:not(.gone){a:1}.used:has(.gone){b:2}:not(.gone){c:3}"
    assert prune(css, tmp=tmp_path) == css


def test_is_and_where_need_one_alternative(tmp_path):
    css = ":is(.used,.gone) p{a:1}:where(.gone,.other){b:2}:is(.gone){c:3}.x :where(.used){d:4}"
    out = prune(css, html="<p class='used x'></p>", tmp=tmp_path)
    assert out == ":is(.used,.gone) p{a:1}.x :where(.used){d:4}"


def test_an_emptied_media_or_supports_block_goes(tmp_path):
    css = ("@media screen and (min-width:60em){.gone{a:1}}"
           "@media print{.used{b:2}.gone{c:3}}"
           "@supports (display:grid){.gone{d:4}}"
           "@media screen{@supports (x:y){.gone{e:5}}}")
    out = prune(css, tmp=tmp_path)
    assert out == "@media print{.used{b:2}}"


def test_font_face_keyframes_page_and_others_stay(tmp_path):
    css = ("@charset \"utf-8\";@font-face{font-family:X;src:url(x.woff2)}"
           "@keyframes spin{0%{opacity:0}to{opacity:1}}@page{margin:1cm}"
           "@layer a,b;.gone{a:1}")
    out = prune(css, tmp=tmp_path)
    assert out == css.replace(".gone{a:1}", "")


def test_unread_custom_properties_go_and_read_ones_stay(tmp_path):
    css = (":root{--read-here:1px;--read-in-own-css:2px;--read-by-script:3px;--unread:4px;"
           "--only-read-by-unread:5px;--chain:var(--only-read-by-unread)}"
           ".used{margin:var(--read-here)}")
    out = prune(css, js="el.style.setProperty('--read-by-script','1')",
                other_css="p{padding:var(--read-in-own-css)}", tmp=tmp_path)
    assert "--read-here:1px" in out and "--read-in-own-css:2px" in out and "--read-by-script:3px" in out
    assert "--unread" not in out
    # --chain reads --only-read-by-unread, but nothing reads --chain: both go, in turn.
    assert "--chain" not in out and "--only-read-by-unread" not in out
    assert ".used{margin:var(--read-here)}" in out


def test_a_custom_property_read_from_an_inline_style_stays(tmp_path):
    css = ":root{--inline:1;--unused:2}"
    out = prune(css, html="<p class=used style=\"color:var(--inline)\"></p>", tmp=tmp_path)
    assert "--inline:1" in out and "--unused" not in out


def test_strings_comments_and_the_source_map_line(tmp_path):
    css = '.used:after{content:"}.gone{"}/* .gone{} */.gone{a:1}\n/*# sourceMappingURL=main.css.map*/'
    out = prune(css, tmp=tmp_path)
    assert out.rstrip() == '.used:after{content:"}.gone{"}/* .gone{} */'


def test_nothing_is_reformatted(tmp_path):
    css = ".used {\n  color: red;\n}\n\n.gone { a: 1 }\n@media print {\n  .used { b: 2 }\n}\n"
    out = prune(css, tmp=tmp_path)
    assert out == ".used {\n  color: red;\n}\n@media print {\n  .used { b: 2 }\n}\n"
