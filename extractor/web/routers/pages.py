"""The newsroom desk: server-rendered pages at plain, bookmarkable URLs over the same
service and store as the JSON API (which stays under ``/v1/``).

``/`` paste an article and see its quotes and entities highlighted in place (and store
it); ``/search`` who said what across the archive; ``/entities/{id}`` a speaker's (or
an organization's, a country's) page; ``/documents`` the stored documents, each with
its highlighted text and a delete button; ``/key`` the API key of the session. Forms
work without JavaScript; state-changing ones need the session's CSRF token (and the
key, when keys are set). None of these routes is in the OpenAPI schema.
"""

from __future__ import annotations

from functools import partial
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from ...archive.store import Store
from ...errors import ExtractorError, NotFoundError
from ...schema import DocumentRequest, Extraction, ExtractRequest
from ...settings import Settings
from ..charts import graph_picture, month_bars
from ..deps import ServiceDep, SettingsDep, StoreDep, valid_key
from ..desk import (
    KEY_COOKIE,
    STATIC_DIR,
    PageError,
    PageRoute,
    Redirect,
    check_csrf,
    encode_key,
    parse_day,
    read_form,
    read_guard,
    render,
    require_writer,
    root_path,
    safe_next,
    same_origin,
    secure,
    set_cookie,
)
from ..highlight import article, describe_role

router = APIRouter(route_class=PageRoute, include_in_schema=False)
router.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
reader = [Depends(read_guard)]

# Items on one page of search results and of the document list.
PAGE_SIZE = 20
# The optional fields of a stored document, as the store form names them.
META_FIELDS = ("title", "url", "source", "published_at")


def _page_size(settings: Settings) -> int:
    """Items on one page: 20, at most ``max_page_size``."""
    return max(1, min(PAGE_SIZE, settings.max_page_size))


def _field_problems(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'form'}: {e['msg']}" for e in exc.errors()
    )


def _article(form: dict[str, str]) -> str:
    """The article of a form, its line breaks as pasted (browsers send a text area's
    as CR LF)."""
    return form.get("text", "").replace("\r\n", "\n")


def _language(value: str | None) -> str | None:
    """The language field: None for automatic."""
    value = (value or "").strip()
    return None if value in ("", "auto") else value


def _quote(value: str) -> str:
    """``value`` as one path segment."""
    return quote(value, safe="")


def _redirect(request: Request, path: str, cookie: str | None = None) -> RedirectResponse:
    """A 303 to ``path`` (under the app's root), keeping a key typed into the form."""
    response = RedirectResponse(root_path(request) + path, status_code=303)
    if cookie:
        set_cookie(response, request, KEY_COOKIE, cookie)
    return response


# --- / : paste an article ---------------------------------------------------------------


@router.get("/", dependencies=reader)
async def paste_form(request: Request) -> HTMLResponse:
    """The paste form."""
    return render(request, "paste.html", text="", language="auto", result=None)


@router.post("/", dependencies=reader)
async def paste(request: Request, service: ServiceDep) -> HTMLResponse:
    """The pasted article with its quotes and entities highlighted, the who-said-what
    table beside it and the form that stores it. A refused text is shown again in the
    form with what was wrong."""
    same_origin(request)
    form = await read_form(request)
    text, language = _article(form), _language(form.get("language"))
    try:
        body = ExtractRequest(text=text, language=language)
    except ValidationError as exc:
        raise PageError(422, f"The text cannot be read: {_field_problems(exc)}.") from exc
    try:
        result = await service.extract(body.text, body.language)
    except ExtractorError as exc:
        retry = exc.details.get("retry_after")
        headers = {"Retry-After": str(retry)} if retry is not None else {}
        return render(
            request,
            "paste.html",
            status=exc.status,
            headers=headers,
            text=text,
            language=language or "auto",
            result=None,
            error=exc.message,
        )
    return render(
        request,
        "paste.html",
        text=text,
        language=language or "auto",
        result=article(text, result),
        extraction=result,
    )


# --- /documents: store, list, show, delete ---------------------------------------------------


@router.post("/documents")
async def store_document(request: Request, service: ServiceDep, store: StoreDep) -> Any:
    """Store an article from the desk, the way ``POST /v1/documents`` does (the same id
    or text is stored once), then show its page."""
    form = await read_form(request)
    check_csrf(request, form)
    cookie = require_writer(request, form, "/documents")
    fields: dict[str, Any] = {name: form.get(name, "").strip() or None for name in META_FIELDS}
    try:
        body = DocumentRequest(
            text=_article(form), language=_language(form.get("language")), **fields
        )
    except ValidationError as exc:
        raise PageError(422, f"Check the document's fields: {_field_problems(exc)}.") from exc
    existing = await run_in_threadpool(store.find_document, body.id, body.text)
    if existing is not None:
        return _redirect(request, f"/documents/{_quote(existing)}?notice=already", cookie)
    result = await service.extract(body.text, body.language)
    saved = await run_in_threadpool(
        partial(
            store.add,
            body.text,
            result,
            doc_id=body.id,
            url=body.url,
            title=body.title,
            source=body.source,
            published_at=body.published_at,
        )
    )
    if saved.created:
        service.metrics.stored.inc()
    notice = "stored" if saved.created else "already"
    return _redirect(request, f"/documents/{_quote(saved.id)}?notice={notice}", cookie)


@router.get("/documents", dependencies=reader)
async def list_documents(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    source: str = "",
    since: str = "",
    until: str = "",
    language: str = "",
    cursor: str = "",
    deleted: str = "",
) -> HTMLResponse:
    """The stored documents, newest first, by source and dates."""
    filters = {"source": source, "since": since, "until": until, "language": language}
    items, next_cursor = await run_in_threadpool(
        partial(
            store.documents,
            source=source.strip() or None,
            since=parse_day(since, "since"),
            until=parse_day(until, "until", end=True),
            language=_language(language),
            cursor=cursor or None,
            limit=_page_size(settings),
        )
    )
    return render(
        request,
        "documents.html",
        items=items,
        filters=filters,
        next_cursor=next_cursor,
        first_page=not cursor,
        deleted=deleted,
    )


async def _stored(store: Store, doc_id: str) -> dict[str, Any]:
    """A stored document (NotFoundError for an unknown id)."""
    return dict(await run_in_threadpool(store.document, doc_id))


@router.get("/documents/{doc_id}", dependencies=reader)
async def show_document(
    request: Request, doc_id: str, store: StoreDep, notice: str = ""
) -> HTMLResponse:
    """A stored document: its metadata and its text highlighted as on the paste page."""
    doc = await _stored(store, doc_id)
    result = None
    if doc.get("extraction"):
        try:
            extraction = Extraction.model_validate(doc["extraction"])
            result = article(doc["text"], extraction)
        except ValidationError:
            result = None  # stored by another version: the plain text is shown
    return render(request, "document.html", doc=doc, result=result, notice=notice)


@router.get("/documents/{doc_id}/delete", dependencies=reader)
async def confirm_delete(request: Request, doc_id: str, store: StoreDep) -> HTMLResponse:
    """Ask before deleting a document."""
    doc = await _stored(store, doc_id)
    return render(request, "delete.html", doc=doc)


@router.post("/documents/{doc_id}/delete")
async def delete_document(request: Request, doc_id: str, store: StoreDep) -> RedirectResponse:
    """Delete a document (confirmed on the previous page), then back to the list."""
    form = await read_form(request)
    check_csrf(request, form)
    cookie = require_writer(request, form, f"/documents/{_quote(doc_id)}/delete")
    if not await run_in_threadpool(store.delete_document, doc_id):
        raise NotFoundError(f"no document with id {doc_id!r}", id=doc_id)
    return _redirect(request, f"/documents?deleted={_quote(doc_id)}", cookie)


# --- /search: who said what -----------------------------------------------------------


SEARCH_FIELDS = ("speaker", "organization", "country", "q", "language", "since", "until")


def _context(item: dict[str, Any]) -> tuple[str, str, str]:
    """The sentence around a quote, cut around the quote: (before, quote, after)."""
    quote = str(item.get("text") or "")
    context = str(item.get("context") or "")
    at = context.find(quote) if quote else -1
    if not context or at < 0:
        return "", quote, ""
    return context[:at], quote, context[at + len(quote) :]


def _role_then(item: dict[str, Any]) -> str | None:
    """The speaker's role when the quote was published (the store's ``role``)."""
    role = item.get("role")
    if not isinstance(role, dict):
        return None
    return describe_role(role.get("title"), role.get("organization"), role.get("country"))


def _api_params(values: dict[str, str]) -> dict[str, str]:
    """The search as ``/v1/quotes`` takes it (dates as ISO 8601 instants)."""
    out = {k: v for k, v in values.items() if v and k not in ("since", "until")}
    since = parse_day(values.get("since"), "since")
    until = parse_day(values.get("until"), "until", end=True)
    if since:
        out["since"] = since.isoformat().replace("+00:00", "Z")
    if until:
        out["until"] = until.isoformat().replace("+00:00", "Z")
    return out


@router.get("/search", dependencies=reader)
async def search(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    speaker: str = "",
    organization: str = "",
    country: str = "",
    q: str = "",
    language: str = "",
    since: str = "",
    until: str = "",
    cursor: str = "",
) -> HTMLResponse:
    """Quotes across the archive, newest first, by speaker (any script or spelling),
    organization, country, words, language and dates."""
    values = {
        "speaker": speaker.strip(),
        "organization": organization.strip(),
        "country": country.strip(),
        "q": q.strip(),
        "language": _language(language) or "",
        "since": since.strip(),
        "until": until.strip(),
    }
    api = _api_params(values)
    items, next_cursor = await run_in_threadpool(
        partial(
            store.quotes,
            speaker=api.get("speaker"),
            organization=api.get("organization"),
            country=api.get("country"),
            q=api.get("q"),
            language=api.get("language"),
            since=parse_day(values["since"], "since"),
            until=parse_day(values["until"], "until", end=True),
            cursor=cursor or None,
            limit=_page_size(settings),
        )
    )
    results = [{**item, "parts": _context(item), "role_then": _role_then(item)} for item in items]
    return render(
        request,
        "search.html",
        values=values,
        api=api,
        results=results,
        next_cursor=next_cursor,
        first_page=not cursor,
        searched=any(values.values()) or bool(cursor),
    )


# --- /entities: a speaker's, an organization's or a country's page -----------------------


@router.get("/entities/lookup", dependencies=reader)
async def lookup_entity(
    request: Request, store: StoreDep, key: str = "", type: str = "", name: str = ""
) -> RedirectResponse:
    """The archive page of an entity of a document, found by its key."""
    items: list[dict[str, Any]] = []
    if name.strip():
        items, _ = await run_in_threadpool(
            partial(store.entities, kind=type or None, q=name.strip(), limit=50)
        )
    found = next((e for e in items if e.get("key") == key), None) or (
        items[0] if items and not key else None
    )
    if found is None:
        raise NotFoundError(f"{name or key!r} is not in the archive")
    raise Redirect(f"{root_path(request)}/entities/{found['id']}")


def _spokespeople(roles: list[dict[str, Any]], said: list[dict[str, Any]]) -> Any:
    """Who speaks for an organization or a country: the people holding a post there
    (with their title) and the speakers of its quotes, most quoted first."""
    people: dict[int, dict[str, Any]] = {}
    for r in roles:
        if r.get("person_id") is not None:
            person = people.setdefault(
                r["person_id"], {"id": r["person_id"], "name": r.get("person"), "quotes": 0}
            )
            person.setdefault("role", r.get("title"))
    for q in said:
        speaker = q.get("speaker") or {}
        if speaker.get("id") is not None:
            person = people.setdefault(
                speaker["id"], {"id": speaker["id"], "name": speaker.get("name"), "quotes": 0}
            )
            person["quotes"] += 1
            person.setdefault("role", (q.get("role") or {}).get("title"))
    return sorted(people.values(), key=lambda p: (-p["quotes"], str(p["name"])))


@router.get("/entities/{entity_id}", dependencies=reader)
async def show_entity(
    request: Request, entity_id: int, store: StoreDep, settings: SettingsDep
) -> HTMLResponse:
    """An entity's page: names and spellings, roles over time, quotes per month and
    their list, who is mentioned with them, and their neighbourhood in the graph. For an
    organization or a country: who speaks for it (the people holding a post there)."""
    entity = await run_in_threadpool(store.entity, entity_id)
    timeline = await run_in_threadpool(store.timeline, entity_id)
    said, more = await run_in_threadpool(
        partial(store.quotes, entity=entity_id, limit=_page_size(settings))
    )
    hood = await run_in_threadpool(
        partial(store.neighbourhood, entity_id, depth=1, limit=settings.max_page_size)
    )
    kind = entity.get("type")
    roles = timeline.get("roles") or []
    co = entity.get("co_mentioned") or []
    return render(
        request,
        "entity.html",
        entity=entity,
        kind=kind,
        timeline=timeline,
        roles=roles,
        chart=month_bars(timeline.get("months") or []),
        picture=graph_picture(hood, entity_id),
        people=[c for c in co if c.get("type") == "PERSON"],
        organizations=[c for c in co if c.get("type") in ("ORGANIZATION", "COUNTRY")],
        said=[{**q, "parts": _context(q), "role_then": _role_then(q)} for q in said],
        more_quotes=more is not None,
        spokespeople=_spokespeople(roles, said) if kind in ("ORGANIZATION", "COUNTRY") else [],
    )


# --- /key: the session's API key ------------------------------------------------------------


@router.get("/key")
async def key_form(request: Request, next: str = "/") -> HTMLResponse:
    """The form that keeps the API key in the session."""
    return render(request, "key.html", next=safe_next(next), action="", fields={}, message="")


@router.post("/key")
async def keep_key(request: Request, settings: SettingsDep) -> Any:
    """Keep a valid key in the session cookie, then go on."""
    form = await read_form(request)
    check_csrf(request, form)
    target = safe_next(form.get("next"))
    typed = form.get("key", "")
    if not settings.api_keys:
        return _redirect(request, target)
    if not valid_key(settings, typed.encode("utf-8")):
        message = "That key is not valid." if typed else "Type the key."
        return render(
            request, "key.html", status=401, next=target, action="", fields={}, message=message
        )
    return _redirect(request, target, encode_key(typed))


@router.post("/key/forget")
async def forget_key(request: Request) -> Any:
    """Forget the session's key."""
    form = await read_form(request)
    check_csrf(request, form)
    response = _redirect(request, "/")
    response.delete_cookie(KEY_COOKIE, path="/", httponly=True, samesite="strict")
    return secure(response)
