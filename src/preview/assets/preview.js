// healthlint preview: when the server says an article changed on disk, fetch this page again
// and swap in its content, keeping the scroll position and focus, and announce the update to
// screen readers. Loaded as a file (the Content-Security-Policy forbids inline script).
'use strict'
;(() => {
  const body = document.body
  const page = body.dataset.hlPage
  const path = body.dataset.hlPath
  const status = document.getElementById('hl-status')
  let queue = Promise.resolve()

  async function refresh() {
    const response = await fetch(location.pathname, {cache: 'no-store', headers: {Accept: 'text/html'}})
    const next = new DOMParser().parseFromString(await response.text(), 'text/html')
    const live = document.getElementById('hl-live')
    const incoming = next.getElementById('hl-live')
    if (!live || !incoming) return
    const focused = document.activeElement && document.activeElement.id
    const {scrollX, scrollY} = window
    live.replaceChildren(...incoming.childNodes)
    document.title = next.title
    window.scrollTo(scrollX, scrollY)
    if (focused) document.getElementById(focused)?.focus({preventScroll: true})
    body.dataset.hlVersion = String(Number(body.dataset.hlVersion || '0') + 1)
    const time = new Date().toLocaleTimeString()
    if (!response.ok) status.textContent = `Updated at ${time}: this article is no longer in the preview.`
    else if (page === 'article') status.textContent = `Updated at ${time}: ${document.getElementById('hl-problems')?.textContent ?? ''}`
    else status.textContent = `Updated at ${time}.`
  }

  const events = new EventSource('/events')
  events.addEventListener('change', (event) => {
    const {paths} = JSON.parse(event.data)
    if (page === 'article' && !paths.includes(path)) return
    queue = queue.then(refresh).catch((error) => {
      status.textContent = `Could not update the page (${error.message}). Reload it to try again.`
    })
  })
})()
