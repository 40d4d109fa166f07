// The page's only script, inlined and allowed by its hash. It writes text only through
// textContent and attributes, never through HTML, and requests nothing.
(function () {
  'use strict'
  var root = document.documentElement
  var config = JSON.parse(document.getElementById('page-config').textContent)
  var storageKey = 'catalog-page-lang'
  var cards = Array.prototype.slice.call(document.querySelectorAll('[data-dataset-id]'))
  var groups = Array.prototype.slice.call(document.querySelectorAll('[data-group]'))
  var search = document.getElementById('search')
  var categoryFilter = document.getElementById('category-filter')
  var ratingFilter = document.getElementById('rating-filter')
  var count = document.getElementById('count')
  var noMatch = document.getElementById('no-match')
  var current = config.primary

  function known(code) {
    return typeof code === 'string' && config.languages.indexOf(code) !== -1
  }

  function storedLanguage() {
    try {
      return window.localStorage.getItem(storageKey)
    } catch (error) {
      return null
    }
  }

  function remember(code) {
    try {
      window.localStorage.setItem(storageKey, code)
    } catch (error) {
      // Storage may be off (private windows, some file:// setups): the URL still carries the choice.
    }
  }

  function putLanguageInUrl(code) {
    try {
      var url = new URL(window.location.href)
      if (url.searchParams.get('lang') === code) return
      url.searchParams.set('lang', code)
      window.history.replaceState(window.history.state, '', url.href)
    } catch (error) {
      // Some browsers refuse to change the URL of a page opened from disk; the choice is still remembered.
    }
  }

  // Fold text as the page folded it when it rendered the cards' search text.
  function fold(text) {
    return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole
    })
  }

  function localizedAttribute(element, attribute, apply) {
    var texts = JSON.parse(element.getAttribute(attribute))
    if (Object.prototype.hasOwnProperty.call(texts, current)) apply(texts[current])
  }

  function setLanguage(code) {
    current = code
    root.setAttribute('data-ui-lang', code)
    root.setAttribute('lang', code)
    document.querySelectorAll('[data-lang]').forEach(function (button) {
      button.setAttribute('aria-pressed', button.getAttribute('data-lang') === code ? 'true' : 'false')
    })
    document.querySelectorAll('[data-i18n-text]').forEach(function (element) {
      localizedAttribute(element, 'data-i18n-text', function (text) {
        element.textContent = text
      })
    })
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (element) {
      localizedAttribute(element, 'data-i18n-placeholder', function (text) {
        element.setAttribute('placeholder', text)
      })
    })
    document.querySelectorAll('.copy-status').forEach(function (status) {
      status.textContent = ''
    })
    applyFilters()
  }

  function applyFilters() {
    var terms = fold(search.value).split(' ').filter(Boolean)
    var category = categoryFilter.value
    var minimum = Number(ratingFilter.value || 0)
    var shown = 0
    cards.forEach(function (card) {
      var haystack = card.getAttribute('data-search-' + current) || ''
      var visible =
        (category === '' || card.getAttribute('data-category') === category) &&
        Number(card.getAttribute('data-rating')) >= minimum &&
        terms.every(function (term) {
          return haystack.indexOf(term) !== -1
        })
      card.hidden = !visible
      if (visible) shown++
    })
    groups.forEach(function (group) {
      group.hidden = group.querySelector('[data-dataset-id]:not([hidden])') === null
    })
    count.textContent = fill(config.ui[current].datasetsShown, {shown: shown, total: cards.length})
    noMatch.hidden = shown !== 0
  }

  function copyCitation(button) {
    var block = document.getElementById(button.getAttribute('data-copy'))
    var status = document.getElementById(button.getAttribute('aria-describedby'))
    var text = block.textContent
    function done(ok) {
      status.textContent = ok ? config.ui[current].copied : config.ui[current].copyFailed
      if (!ok) window.getSelection().selectAllChildren(block)
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () {
          done(true)
        },
        function () {
          done(false)
        }
      )
    } else {
      // Plain http on another host has no clipboard API: select the text and ask the browser to copy it.
      window.getSelection().selectAllChildren(block)
      var ok = false
      try {
        ok = document.execCommand('copy')
      } catch (error) {
        ok = false
      }
      done(ok)
    }
  }

  document.querySelectorAll('[data-lang]').forEach(function (button) {
    button.addEventListener('click', function () {
      var code = button.getAttribute('data-lang')
      setLanguage(code)
      remember(code)
      putLanguageInUrl(code)
    })
  })
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      copyCitation(button)
    })
  })
  search.addEventListener('input', applyFilters)
  categoryFilter.addEventListener('change', applyFilters)
  ratingFilter.addEventListener('change', applyFilters)

  // Controls that need the script stay hidden without it; the page still reads in its primary language.
  document.querySelectorAll('.language-switch, .finder, .cite-actions').forEach(function (element) {
    element.hidden = false
  })

  var requested = new URL(window.location.href).searchParams.get('lang')
  var stored = storedLanguage()
  if (known(requested)) {
    remember(requested)
    setLanguage(requested)
  } else if (known(stored)) {
    setLanguage(stored)
    putLanguageInUrl(stored)
  } else {
    setLanguage(config.primary)
  }
})()
