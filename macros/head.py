"""MkDocs hook: absolute hreflang alternates in every page's <head>.

Material writes each language twin as a relative link; search engines (and Lighthouse's hreflang
audit) want the full address, which `site_url` gives.
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)">')


def absolute_alternates(html: str, page_url: str) -> str:
    head_end = html.find("</head>")
    if head_end < 0 or not page_url:
        return html
    head = ALTERNATE.sub(lambda m: f'<link rel="alternate" href="{urljoin(page_url, m.group(1))}" '
                                   f'hreflang="{m.group(2)}">', html[:head_end])
    return head + html[head_end:]


def on_post_page(output, page, config):
    return absolute_alternates(output, page.canonical_url or "")
