"""Saved pages' figures: the caption kept as a caption, the image reported as left out.

The rows are real saved pages from tests/import_real/ whose article has a figure; what a
person expects was written down from the page's HTML before the importer ran on it: the
caption without its credit, the credit among the dropped lines, and the image's address.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.importer import import_file
from generator.importer.command import images_notice, run
from generator.site.check import check_content

PAGES = Path(__file__).parent / "import_real" / "pages"

FIGURES = [
    (
        "rutgers-blood-sampling-robot-2020",
        "A prototype of an automated blood drawing and testing device.",
        "Photo: Unnati Chauhan",
        "BloodPrototype.jpg?itok=qSFZJaGu",
    ),
    (
        "thelocal-tegnell-tattoo-2020",
        "Gustav Lloyd Agerblad and the face of state epidemiologist Anders Tegnell.",
        "Photo: Jonathan Nackstrand/AFP",
        "416a4f0f97ee8da457abc7220b57551ce7151f89a480d5080f112f7fa66ef25d.jpg",
    ),
    (
        "guardian-uk-academics-casual-2020",
        "Striking members of the UCU and other unions at University College last year.",
        "Photograph: Guy Smallman/Getty Images",
        "https://i.guim.co.uk/img/media/a7884d60aab75b870e3c7e26898b42750a38feb8/",
    ),
]


@pytest.mark.parametrize(("page", "caption", "credit", "image"), FIGURES)
def test_a_figure_caption_stays_a_caption_and_its_image_is_reported(
    page: str, caption: str, credit: str, image: str
) -> None:
    article = import_file(PAGES / f"{page}.html")
    figure = f"<figure>\n<figcaption>{caption}</figcaption>\n</figure>"
    assert figure in article.body.split("\n\n") or f"\n\n{figure}\n\n" in article.body
    paragraphs = [p for p in article.body.split("\n\n") if not p.startswith("<figure>")]
    assert not any(caption in p for p in paragraphs), "the caption is no body paragraph"
    assert credit in [line.text for line in article.dropped]
    assert any(image in src for src in article.images_left_out), article.images_left_out
    assert all(src.startswith(("http://", "https://")) for src in article.images_left_out)


def test_the_caption_passes_check_and_renders_as_a_figcaption(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    out, err = io.StringIO(), io.StringIO()
    page = PAGES / "rutgers-blood-sampling-robot-2020.html"
    assert (
        run(
            [page],
            date=None,
            output_dir=content / "articles",
            force=False,
            report=None,
            content=content,
            out=out,
            err=err,
        )
        == 0
    ), err.getvalue()
    assert [p for p in check_content(content) if p.severity == "error"] == []
    printed = out.getvalue()
    assert "left out 1 image (" in printed and "BloodPrototype.jpg" in printed


def test_the_notice_is_safe_on_a_terminal() -> None:
    from dataclasses import replace

    article = import_file(PAGES / "rutgers-blood-sampling-robot-2020.html")
    hostile = replace(
        article, images_left_out=("https://e.org/\x1b[2Jx.png", "https://e.org/y.png")
    )
    notice = images_notice(hostile)
    assert "\x1b" not in notice and notice.startswith("  left out 2 images (")
    assert images_notice(replace(article, images_left_out=())) == ""
