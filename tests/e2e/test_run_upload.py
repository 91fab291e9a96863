"""A saved run near the size limit loads in a real browser, and a file over it is refused at once with the limit
(issue 26: a valid 49.2 MB run got Streamlit's 'File must be 48.0MB or smaller.', because Streamlit's browser
code counts an uploader's MB as 10**6 bytes, and the page said nothing ganviz could hear). Screenshots of the
loader in English and Korean."""

from __future__ import annotations

from ganviz.files.runfile import MAX_BYTES

from .driver import exceptions, open_page, screenshot, wait_for

LOADER = "[class*='st-key-fig1-load_run']"  # the uploader's key gains a number after each upload
ANSWER = ".gz-msg.gz-success, .gz-msg.gz-error, [data-testid='stAlertContentSuccess'], [data-testid='stAlertContentError']"


def answer(page) -> str | None:
    """The page's answer to an upload: its message, or the uploader's own error line; None while there is none."""
    said = [text for text in page.locator(ANSWER).all_inner_texts() if text.strip()]
    if said:
        return said[0]
    loader = " ".join(page.locator(LOADER).all_inner_texts())
    return loader if "or smaller" in loader else None


def test_a_run_near_the_limit_loads_and_a_bigger_file_is_refused_with_the_limit(page, app_url, tmp_path):
    from upload_storm import max_size_run  # tools/: a tiny model with a long history, 98 % of MAX_BYTES

    near = tmp_path / "long-lesson.ganviz"
    assert max_size_run(near) > 48_000_000  # past what the browser let through before (48 MB of 10**6 bytes)
    over = tmp_path / "too-big.ganviz"
    over.write_bytes(bytes(MAX_BYTES + 1))

    open_page(page, app_url, "figure1")
    assert "at most 50 MB" in page.locator(LOADER).inner_text()
    page.locator(f"{LOADER} input[type=file]").set_input_files(str(over))
    said = wait_for(lambda: answer(page), timeout=30)
    assert said and "50.0MB or smaller" in said, said  # Streamlit's browser code, before any byte is sent
    page.reload()
    open_page(page, app_url, "figure1")
    page.locator(f"{LOADER} input[type=file]").set_input_files(str(near))
    said = wait_for(lambda: answer(page), timeout=240)
    assert said and "exactly as it was saved" in said, said
    assert not exceptions(page)
    page.locator(LOADER).scroll_into_view_if_needed()
    screenshot(page, "run-upload-en")
    open_page(page, app_url, "figure1?lang=ko")
    assert "최대 50 MB" in page.locator(LOADER).inner_text()
    page.locator(f"{LOADER} input[type=file]").set_input_files(str(over))
    said = wait_for(lambda: answer(page), timeout=30)
    assert said and "50.0MB or smaller" in said, said
    page.locator(LOADER).scroll_into_view_if_needed()
    screenshot(page, "run-upload-ko")
