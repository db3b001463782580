"""Import: upload a LinkedIn ZIP, a vCard file or a CSV, read the dry run, confirm."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from amity.errors import AmityError, UsageError
from amity.service.imports.run import run_import
from amity.service.imports.sources import (
    SOURCES,
    ImportSource,
    find_source,
    source_of_file,
)
from amity.web.csrf import FIELD, HEADER, check_token, csrf_protect
from amity.web.deps import StateDep, StoreDep, TodayDep
from amity.web.errors import form_error
from amity.web.pages import render
from amity.web.state import WebState
from amity.web.uploads import (
    EXPIRED,
    Upload,
    discard_upload,
    receive_upload,
    remove_stale,
    upload_path,
)

router = APIRouter(dependencies=[Depends(csrf_protect)])
# The upload route checks its CSRF token itself, from the streamed multipart body.
upload_router = APIRouter()

AUTO = ("auto", "Tell from the file name")


@dataclass(slots=True)
class ImportPage:
    limit_mb: int
    source: str = "auto"
    report: dict[str, Any] | None = None
    token: str = ""
    filename: str = ""
    done: bool = False
    error: str = ""
    sources: tuple[tuple[str, str], ...] = (AUTO, *((s.name, s.label) for s in SOURCES))
    accept: str = ",".join(suffix for s in SOURCES for suffix in s.suffixes)


@router.get("/import", response_class=HTMLResponse)
def import_form(request: Request, state: StateDep) -> Response:
    return render(request, "import.html", ImportPage(state.upload_limit // 2**20))


@upload_router.post("/import", response_class=HTMLResponse)
async def import_upload(request: Request, state: StateDep) -> Response:
    """Stream the file into the home; the dry run itself runs in a worker thread."""
    home, page = state.settings.home, ImportPage(state.upload_limit // 2**20)
    remove_stale(home)
    upload: Upload | None = None
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        check_token(request, request.headers.get(HEADER))  # no body token to look at
    try:
        upload = await receive_upload(request, home, state.upload_limit)
        check_token(request, upload.fields.get(FIELD))
        source = _source(upload.fields.get("source", "auto"), upload.filename)
        if upload.path is None:
            raise UsageError("choose a file to import")
        kept = upload.path.rename(upload.path.with_suffix(source.upload_suffix))
        page.source, page.filename, page.token = source.name, upload.filename, kept.stem
        page.report = await run_in_threadpool(_dry_run, state, source, kept)
    except AmityError as exc:
        if upload is not None and upload.path is not None:
            upload.path.unlink(missing_ok=True)
        discard_upload(home, page.token)
        (status, page.error), page.token = form_error(request, exc), ""
        return render(request, "import.html", page, status)
    return render(request, "import.html", page)


def _dry_run(state: WebState, source: ImportSource, path: Path) -> dict[str, Any]:
    with state.pool.borrow(write=True) as store:  # a POST, as every form that writes
        return run_import(store, source, path, state.today(), dry_run=True).as_dict()


@router.post("/import/confirm", response_class=HTMLResponse)
def import_confirm(
    request: Request,
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    token: Annotated[str, Form(max_length=64)],
    source: Annotated[str, Form(max_length=20)],
    filename: Annotated[str, Form(max_length=200)] = "",
    merge: Annotated[str, Form(max_length=5)] = "",
) -> Response:
    chosen = find_source(source)
    if chosen is None:  # not a form this page wrote
        raise UsageError(EXPIRED)
    path = upload_path(state.settings.home, token, chosen.upload_suffix)
    try:
        report = run_import(store, chosen, path, today, dry_run=False, merge=merge == "1")
    finally:
        path.unlink(missing_ok=True)
    page = ImportPage(
        state.upload_limit // 2**20, chosen.name, report.as_dict(), "", filename, True
    )
    return render(request, "import.html", page)


@router.post("/import/cancel", response_class=HTMLResponse)
def import_cancel(
    request: Request, state: StateDep, token: Annotated[str, Form(max_length=64)]
) -> Response:
    discard_upload(state.settings.home, token)
    return render(request, "import.html", ImportPage(state.upload_limit // 2**20))


def _source(chosen: str, filename: str) -> ImportSource:
    found = find_source(chosen) or source_of_file(filename)
    if found is None:
        raise UsageError(
            f"cannot tell what kind of file {filename!r} is; choose LinkedIn, vCard or CSV"
        )
    return found
