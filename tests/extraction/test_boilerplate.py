from pathlib import Path

import pytest

from app.extraction.boilerplate import find_body_end, is_boilerplate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_comments_start_at_the_related_video_line():
    text = seed("001")
    end = find_body_end(text)
    assert end is not None and text[end:].startswith("Related video:")
    assert "9 Responses" in text[end:] and "Comments are closed." in text[end:]
    assert text[:end].rstrip().endswith("keep this supply route open,")


def test_trailing_image_credit():
    text = seed("003")
    end = find_body_end(text)
    assert end is not None and text[end:] == "[Featured Image by Manu Brabo/AP Images]"


def test_licence_categories_and_sharing_lines_form_one_trailing_block():
    text = seed("004")
    end = find_body_end(text)
    assert end is not None
    assert text[end:].startswith("This Content Was Created Under An Alt_Publishers License")
    assert text[end:].rstrip().endswith("%d bloggers like this:")


def test_read_more_inside_the_article_is_not_the_end():
    text = seed("004")
    assert text.index("Read More:") < find_body_end(text)


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_plain_articles_have_no_body_end(prefix):
    assert find_body_end(seed(prefix)) is None


def test_flattened_trt_page():
    text = (
        "At least 48 people were killed in the blast. The toll is expected to rise. "
        "Source TRTWorld and agencies Related News Iraqs vote violations | The global gag "
        "rule Follow us on Instagram. Subscribe to our Youtube channel."
    )
    assert text[find_body_end(text) :].startswith("Source TRTWorld and agencies")


def test_flattened_sputnik_tags_before_the_comment_widget():
    body = "Russian jets destroyed a Daesh command post near Deir ez-Zor the ministry said. " * 5
    text = body + "... 11 Tags Daesh Syria Community standardsDiscussion Comment via Facebook"
    end = find_body_end(text)
    assert text[end:].startswith("Tags Daesh Syria")


def test_tags_near_the_start_of_a_long_article_are_kept():
    text = "23 February 2015 The brigade announced gains. Tags Syria Idlib The brigade said " + (
        "fighting continued in the countryside south of Idlib. " * 20
    )
    assert find_body_end(text) is None


def test_comments_closed_alone():
    text = (
        "Fighting raged in Aleppo on Sunday.\n\n12 Comments\n\nGreat post!\n\nComments are closed."
    )
    assert text[find_body_end(text) :].startswith("12 Comments")


@pytest.mark.parametrize(
    "line",
    [
        "This Content Was Created Under An Alt_Publishers License",
        "Categories: Syria, War",
        "%d bloggers like this:",
        "[Featured Image by Manu Brabo/AP Images]",
        "Share this:",
        "9 Responses",
        "Comments are closed.",
        "Read More:",
    ],
)
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The army took Khanaser and Ithriya, the towns through which the road went.",
        "Related to the offensive, " + "the army said many things about the campaign " * 6,
    ],
)
def test_article_lines_are_not_boilerplate(line):
    assert not is_boilerplate(line)
