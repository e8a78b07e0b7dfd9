// NMP's one script, a progressive enhancement: every page works without it.
//
// 1. Type-ahead on inputs with data-typeahead="LIST" (the /compare country boxes): as one types,
//    a list of the LIST datalist's options whose names (data-keys: names in English, French and
//    Spanish and ISO codes, folded) have a word starting with what was typed, without regard to
//    case or accents ("cote" finds "Côte d'Ivoire"). Arrow keys, Enter and Escape work; a click
//    chooses. Without the script the browser's own datalist suggestions remain.
// 2. Search-as-you-type pickers (.picker[data-pick=URL] in the staff forms): what is typed in the
//    search box is sent to URL?q= and the matches replace the drop-down's choices (the fixed
//    first choices and the one already chosen are kept). Without the script the "Find" button
//    sends the form back with the matches.
// 3. Suggestions under the header's search box: as one types (two characters or more), the first
//    hits of /api/v1/search are listed as links (title and kind); arrow keys move between them,
//    Enter opens the one highlighted, and otherwise the form searches as it does without the
//    script.
// 4. Times in the reader's own time zone: <time datetime="RFC 3339" data-local> elements, which
//    the server writes in UTC ("2026-12-06 10:00:00 UTC"), are rewritten in local time with the
//    zone's name ("6 Dec 2026, 11:00 CET"); the UTC text stays as the title.
// 5. Folding filters on phones: a list's filter panel (details.filter-panel, open in the page) is
//    closed on narrow screens when no filter is chosen and none was refused, so that the list
//    comes first; its "Filters" summary opens it again. A panel marked data-fold="results" (the
//    /compare boxes once countries are compared) is closed whenever nothing was refused.
// 6. "Add another row" under a repeating group of the respondent's questionnaire
//    (fieldset[data-group]): the last blank row is copied, emptied and numbered on, in the page,
//    and the group's rows.GROUP count goes up. Without the script the button saves the draft and
//    the page comes back with one more blank row.
'use strict';

(function () {
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
  }

  var counter = 0;

  function typeahead(input) {
    var list = document.getElementById(input.dataset.typeahead);
    if (!list) return;
    var entries = Array.prototype.map.call(list.options, function (o) {
      return { value: o.value, keys: (o.dataset.keys || '').split(' ').concat(fold(o.value).split(' ')) };
    });
    var id = 'typeahead-' + (++counter);
    var box = document.createElement('ul');
    box.id = id;
    box.className = 'typeahead';
    box.setAttribute('role', 'listbox');
    box.setAttribute('aria-label', 'Countries');
    box.hidden = true;
    input.removeAttribute('list');
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id);
    input.parentNode.appendChild(box);
    var active = -1;

    function close() {
      box.hidden = true;
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }
    function choose(value) {
      input.value = value;
      close();
    }
    function highlight(i) {
      var items = box.children;
      if (!items.length) return;
      active = (i + items.length) % items.length;
      for (var j = 0; j < items.length; j++) items[j].setAttribute('aria-selected', j === active ? 'true' : 'false');
      input.setAttribute('aria-activedescendant', items[active].id);
    }
    function show() {
      var typed = fold(input.value);
      box.textContent = '';
      active = -1;
      if (!typed) { close(); return; }
      var words = typed.split(' ');
      var hits = entries.filter(function (e) {
        return e.keys.some(function (k) { return k === typed || k.indexOf(typed) === 0 || k.indexOf(' ' + typed) >= 0; })
          || words.every(function (w) { return e.keys.some(function (k) { return k.split(' ').some(function (x) { return x.indexOf(w) === 0; }); }); });
      }).slice(0, 8);
      if (!hits.length) { close(); return; }
      hits.forEach(function (e, i) {
        var li = document.createElement('li');
        li.id = id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = e.value;
        li.addEventListener('mousedown', function (ev) { ev.preventDefault(); choose(e.value); });
        box.appendChild(li);
      });
      box.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
    input.addEventListener('input', show);
    input.addEventListener('blur', close);
    input.addEventListener('keydown', function (ev) {
      if (box.hidden) return;
      if (ev.key === 'ArrowDown') { ev.preventDefault(); highlight(active + 1); }
      else if (ev.key === 'ArrowUp') { ev.preventDefault(); highlight(active - 1); }
      else if (ev.key === 'Enter' && active >= 0) { ev.preventDefault(); choose(box.children[active].textContent); }
      else if (ev.key === 'Escape') { close(); }
    });
  }

  function picker(root) {
    var search = root.querySelector('input[type=search]');
    var select = root.querySelector('select');
    var status = root.querySelector('.picker-status');
    if (!search || !select) return;
    var timer = null;
    var asked = 0;
    function fill(items, typed) {
      var chosen = select.value;
      Array.prototype.slice.call(select.options).forEach(function (o) {
        if (!o.hasAttribute('data-fixed') && o.value !== chosen) o.remove();
      });
      items.forEach(function (it) {
        if (Array.prototype.some.call(select.options, function (o) { return o.value === it.value; })) return;
        var o = document.createElement('option');
        o.value = it.value;
        o.textContent = it.label;
        select.appendChild(o);
      });
      if (status) {
        status.textContent = !typed ? '' : items.length === 0 ? 'Nothing found for “' + typed + '”.'
          : items.length + ' found for “' + typed + '”: choose below.';
      }
    }
    function run() {
      var typed = search.value.trim();
      var mine = ++asked;
      if (!typed) { fill([], ''); return; }
      fetch(root.dataset.pick + '?q=' + encodeURIComponent(typed), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (body) { if (mine === asked) fill(body.items || [], typed); })
        .catch(function () { /* the Find button still works */ });
    }
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(run, 200);
    });
    search.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') { ev.preventDefault(); clearTimeout(timer); run(); }
    });
  }

  function suggest(input) {
    var id = 'search-suggestions';
    var box = document.createElement('ul');
    box.id = id;
    box.className = 'typeahead search-suggestions';
    box.setAttribute('role', 'listbox');
    box.setAttribute('aria-label', 'Suggestions');
    box.hidden = true;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id);
    input.parentNode.appendChild(box);
    var timer = null;
    var asked = 0;
    var active = -1;
    function close() {
      box.hidden = true;
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }
    function highlight(i) {
      var items = box.children;
      if (!items.length) return;
      active = (i + items.length) % items.length;
      for (var j = 0; j < items.length; j++) items[j].setAttribute('aria-selected', j === active ? 'true' : 'false');
      input.setAttribute('aria-activedescendant', items[active].id);
    }
    function fill(hits) {
      box.textContent = '';
      active = -1;
      if (!hits.length) { close(); return; }
      hits.forEach(function (h, i) {
        var li = document.createElement('li');
        li.id = id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.url = h.url;
        var title = document.createElement('span');
        title.textContent = h.title;
        var kind = document.createElement('small');
        kind.textContent = ' · ' + h.kind;
        li.appendChild(title);
        li.appendChild(kind);
        li.addEventListener('mousedown', function (ev) { ev.preventDefault(); window.location.href = h.url; });
        box.appendChild(li);
      });
      box.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
    function run() {
      var typed = input.value.trim();
      var mine = ++asked;
      if (typed.length < 2) { close(); return; }
      fetch('/api/v1/search?limit=6&q=' + encodeURIComponent(typed), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { groups: [] }; })
        .then(function (body) {
          if (mine !== asked) return;
          var hits = [];
          (body.groups || []).forEach(function (g) { (g.hits || []).forEach(function (h) { hits.push({ title: h.title, kind: g.label, url: h.url }); }); });
          fill(hits.slice(0, 6));
        })
        .catch(function () { /* the form still searches */ });
    }
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    input.addEventListener('blur', close);
    input.addEventListener('keydown', function (ev) {
      if (box.hidden) return;
      if (ev.key === 'ArrowDown') { ev.preventDefault(); highlight(active + 1); }
      else if (ev.key === 'ArrowUp') { ev.preventDefault(); highlight(active - 1); }
      else if (ev.key === 'Enter' && active >= 0) { ev.preventDefault(); window.location.href = box.children[active].dataset.url; }
      else if (ev.key === 'Escape') { close(); }
    });
  }

  function foldFilters(panel) {
    if (!window.matchMedia('(max-width: 40rem)').matches) return;
    var chosen = Array.prototype.some.call(panel.querySelectorAll('select, input'), function (f) {
      return f.type !== 'hidden' && f.type !== 'submit' && f.value !== '';
    });
    var refused = document.querySelector('#filter-problems, [role="alert"]');
    if ((!chosen || panel.dataset.fold === 'results') && !refused) panel.open = false;
  }

  function localTime(el) {
    var at = new Date(el.getAttribute('datetime'));
    if (isNaN(at.getTime())) return;
    el.title = el.textContent;
    el.textContent = at.toLocaleString(undefined, {
      year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
    });
  }

  function addRows(group) {
    var key = group.dataset.group;
    var count = group.querySelector('input[type="hidden"][name="rows.' + key + '"]');
    var button = group.querySelector('button[name="action"][value="add-row:' + key + '"]');
    if (!count || !button) return;
    var numbered = new RegExp('g\\.' + key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\.\\d+\\.');
    var legend = group.querySelector('legend');
    button.addEventListener('click', function (ev) {
      var blanks = group.querySelectorAll('.group-row[data-blank]');
      var model = blanks[blanks.length - 1];
      if (!model) return;
      ev.preventDefault();
      var n = parseInt(count.value, 10) || 0;
      var row = model.cloneNode(true);
      var renumber = 'g.' + key + '.' + n + '.';
      row.querySelectorAll('[name], [id], label[for], [aria-describedby]').forEach(function (el) {
        ['name', 'id', 'for', 'aria-describedby'].forEach(function (attr) {
          var v = el.getAttribute(attr);
          if (v) el.setAttribute(attr, v.replace(numbered, renumber));
        });
      });
      row.querySelectorAll('input[type="text"], textarea').forEach(function (el) { el.value = ''; });
      row.querySelectorAll('select').forEach(function (el) { el.selectedIndex = 0; });
      row.querySelectorAll('.field-error').forEach(function (el) { el.remove(); });
      row.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby'); });
      row.querySelectorAll('.field.invalid').forEach(function (el) { el.classList.remove('invalid'); });
      row.setAttribute('aria-label', (legend ? legend.textContent : key) + ', row ' + (n + 1));
      button.parentNode.parentNode.insertBefore(row, button.parentNode);
      count.value = String(n + 1);
      var first = row.querySelector('select, input, textarea');
      if (first) first.focus();
    });
  }

  document.querySelectorAll('time[data-local][datetime]').forEach(localTime);
  document.querySelectorAll('details.filter-panel').forEach(foldFilters);
  document.querySelectorAll('fieldset[data-group]').forEach(addRows);
  document.querySelectorAll('input[data-typeahead]').forEach(typeahead);
  var siteSearch = document.getElementById('site-search-q');
  if (siteSearch) suggest(siteSearch);
  document.querySelectorAll('.picker[data-pick]').forEach(picker);
})();
