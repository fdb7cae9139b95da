// healthlint preview: when the server says an article changed on disk, fetch this page again
// and swap in its content, keeping the text the editor was reading where it was on screen and
// focus where it was, and announce the update to screen readers. Loaded as a file (the
// Content-Security-Policy forbids inline script).
'use strict'
;(() => {
  const body = document.body
  const page = body.dataset.hlPage
  const path = body.dataset.hlPath
  const status = document.getElementById('hl-status')
  let queue = Promise.resolve()

  // The article's own blocks (not the callouts the preview adds, which come and go).
  const blocks = () => [...document.querySelectorAll('#hl-article article > :not(.hl-callout)')]

  /** The first block still on screen, and where its top is, to put it back there after the swap. */
  function anchorOf() {
    const all = blocks()
    const index = all.findIndex((block) => block.getBoundingClientRect().bottom > 0)
    return index < 0 ? undefined : {index, top: all[index].getBoundingClientRect().top}
  }

  async function refresh() {
    const response = await fetch(location.pathname, {cache: 'no-store', headers: {Accept: 'text/html'}})
    const next = new DOMParser().parseFromString(await response.text(), 'text/html')
    const live = document.getElementById('hl-live')
    const incoming = next.getElementById('hl-live')
    if (!live || !incoming) return
    const focused = document.activeElement && document.activeElement.id
    const anchor = anchorOf()
    const scrollY = window.scrollY

    const time = new Date().toLocaleTimeString()
    live.replaceChildren(...incoming.childNodes)
    document.title = next.title
    if (!response.ok) status.textContent = `Updated at ${time}: this article is no longer in the preview.`
    else if (page === 'article') status.textContent = `Updated at ${time}: ${document.getElementById('hl-problems')?.textContent ?? ''}`
    else status.textContent = `Updated at ${time}.`

    const same = anchor && blocks()[anchor.index]
    if (same) window.scrollBy({top: same.getBoundingClientRect().top - anchor.top, behavior: 'instant'})
    else window.scrollTo({top: scrollY, behavior: 'instant'})
    if (focused) document.getElementById(focused)?.focus({preventScroll: true})
    body.dataset.hlVersion = String(Number(body.dataset.hlVersion || '0') + 1)
  }

  const events = new EventSource('/events')
  // Lets tests (and curious editors) see that the page is listening for changes.
  events.addEventListener('open', () => (body.dataset.hlListening = 'true'))
  events.addEventListener('error', () => delete body.dataset.hlListening)
  events.addEventListener('change', (event) => {
    const {paths} = JSON.parse(event.data)
    if (page === 'article' && !paths.includes(path)) return
    queue = queue.then(refresh).catch((error) => {
      status.textContent = `Could not update the page (${error.message}). Reload it to try again.`
    })
  })
})()
