// The page's only script, inlined and allowed by its hash. It writes text only through
// textContent and attributes, never through HTML, and requests nothing.
;(function () {
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
  var comparison = document.getElementById('comparison')
  var rows = Array.prototype.slice.call(document.querySelectorAll('[data-row-of]'))
  var cardsById = {}
  cards.forEach(function (card) {
    cardsById[card.getAttribute('data-dataset-id')] = card
  })
  var current = config.primary
  // The column the comparison table is sorted by and its direction; null while it keeps the catalog's order.
  var sorting = null

  function known(code) {
    return typeof code === 'string' && config.languages.indexOf(code) !== -1
  }

  function storedLanguage() {
    try {
      return window.localStorage.getItem(storageKey)
    } catch {
      return null
    }
  }

  function remember(code) {
    try {
      window.localStorage.setItem(storageKey, code)
    } catch {
      // Storage may be off (private windows, some file:// setups): the URL still carries the choice.
    }
  }

  function putLanguageInUrl(code) {
    var url
    try {
      url = new URL(window.location.href)
      if (url.searchParams.get('lang') === code) return
      url.searchParams.set('lang', code)
      window.history.replaceState(window.history.state, '', url.href)
    } catch {
      // Some browsers refuse to change the URL of a page opened from disk; the choice is still remembered.
    }
  }

  // Fold text as the page folded it when it rendered the cards' search text.
  function fold(text) {
    return text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.hasOwn(values, name) ? String(values[name]) : whole
    })
  }

  function localizedAttribute(element, attribute, apply) {
    var texts = JSON.parse(element.getAttribute(attribute))
    if (Object.hasOwn(texts, current)) apply(texts[current])
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
    if (sorting) sortTable(sorting.column, sorting.direction)
  }

  function listOf(labels) {
    try {
      return new Intl.ListFormat(current, {type: 'conjunction'}).format(labels)
    } catch {
      return labels.join(', ')
    }
  }

  // Whether every term is in what the card shows or in a field it does not show; the labels of
  // the fields that hold a term the card does not show are said in the card ("Matched in: ...").
  function matchCard(card, terms) {
    var shownText = card.getAttribute('data-search-' + current) || ''
    var unseen = JSON.parse(card.getAttribute('data-unseen-' + current) || '[]')
    var labels = []
    var matches = terms.every(function (term) {
      if (shownText.indexOf(term) !== -1) return true
      var found = false
      unseen.forEach(function (field) {
        if (field[1].indexOf(term) === -1) return
        found = true
        if (labels.indexOf(field[0]) === -1) labels.push(field[0])
      })
      return found
    })
    return {matches: matches, labels: labels}
  }

  function applyFilters() {
    var terms = fold(search.value).split(' ').filter(Boolean)
    var category = categoryFilter.value
    var minimum = Number(ratingFilter.value || 0)
    var shown = 0
    cards.forEach(function (card) {
      var match = matchCard(card, terms)
      var visible = (category === '' || card.getAttribute('data-category') === category) && Number(card.getAttribute('data-rating')) >= minimum && match.matches
      card.hidden = !visible
      if (visible) shown++
      var note = card.querySelector('.matched-in')
      note.textContent = match.labels.length > 0 ? fill(config.ui[current].matchedIn, {fields: listOf(match.labels)}) : ''
      note.hidden = !visible || match.labels.length === 0
    })
    groups.forEach(function (group) {
      group.hidden = group.querySelector('[data-dataset-id]:not([hidden])') === null
    })
    // A row shows with its card; a row naming no dataset shows only while nothing is searched or filtered.
    var filtering = terms.length > 0 || category !== '' || minimum > 0
    rows.forEach(function (row) {
      var card = cardsById[row.getAttribute('data-row-of')]
      row.hidden = card ? card.hidden : filtering
    })
    if (comparison) {
      comparison.hidden = rows.every(function (row) {
        return row.hidden
      })
    }
    count.textContent = fill(config.ui[current].datasetsShown, {shown: shown, total: cards.length})
    noMatch.hidden = shown !== 0
  }

  // What a cell sorts by in the language shown: the number it starts with (its <data value>), else its text.
  function sortKey(cell) {
    if (!cell) return {text: ''}
    var variant = cell.querySelector(':scope > [data-shown-in~="' + current + '"]') || cell
    var number = variant.querySelector('data[value]')
    if (number) return {number: Number(number.getAttribute('value'))}
    var text = variant.textContent
    var badge = variant.querySelector('.untranslated')
    if (badge) text = text.replace(badge.textContent, '')
    return {text: text.trim()}
  }

  // Numbers before texts; numbers by value, texts as the language shown orders them.
  function compareKeys(a, b, collator) {
    var aNumber = Object.hasOwn(a, 'number')
    var bNumber = Object.hasOwn(b, 'number')
    if (aNumber && bNumber) return a.number - b.number
    if (aNumber !== bNumber) return aNumber ? -1 : 1
    return collator.compare(a.text, b.text)
  }

  function sortTable(column, direction) {
    sorting = {column: column, direction: direction}
    var collator = new Intl.Collator(current, {numeric: true, sensitivity: 'base'})
    var sign = direction === 'ascending' ? 1 : -1
    var keyed = rows.map(function (row, index) {
      return {row: row, index: index, key: sortKey(row.cells[column])}
    })
    // Equal cells keep the catalog's order, whichever the direction.
    keyed.sort(function (a, b) {
      return sign * compareKeys(a.key, b.key, collator) || a.index - b.index
    })
    keyed.forEach(function (entry) {
      entry.row.parentNode.appendChild(entry.row)
    })
    headers.forEach(function (header, index) {
      if (index === column) header.setAttribute('aria-sort', direction)
      else header.removeAttribute('aria-sort')
      header.querySelector('.sort-mark').textContent = index === column ? (direction === 'ascending' ? '\u25B2' : '\u25BC') : '\u2195'
    })
  }

  // Each header cell becomes a button that sorts by its column: ascending first, then the other way.
  var headers = Array.prototype.slice.call(document.querySelectorAll('.comparison-table thead th'))
  headers.forEach(function (header, column) {
    var button = document.createElement('button')
    button.type = 'button'
    button.className = 'sort'
    while (header.firstChild) button.appendChild(header.firstChild)
    var mark = document.createElement('span')
    mark.className = 'sort-mark'
    mark.setAttribute('aria-hidden', 'true')
    mark.textContent = '\u2195'
    button.appendChild(mark)
    header.appendChild(button)
    button.addEventListener('click', function () {
      var ascending = !(sorting && sorting.column === column && sorting.direction === 'ascending')
      sortTable(column, ascending ? 'ascending' : 'descending')
    })
  })

  function copyCitation(button) {
    var block = document.getElementById(button.getAttribute('data-copy'))
    var status = document.getElementById(button.getAttribute('aria-describedby'))
    var text = block.textContent
    var ok
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
      ok = false
      try {
        ok = document.execCommand('copy')
      } catch {
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
  document.querySelectorAll('.language-switch, .finder, .cite-actions, .sort-hint').forEach(function (element) {
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
