/*
 * Rich-text editor for the kennisbank beheer form, as progressive enhancement: each <textarea data-rich-text> is
 * replaced by a toolbar and an editable region, and the (hidden) textarea is kept in sync so the form posts clean
 * HTML. Without this script the textarea stays and the server sanitises what is typed; the server's sanitising
 * remains the guarantee either way.
 *
 * Accessibility (WAI-ARIA Authoring Practices, toolbar pattern): one tab stop for the toolbar (roving tabindex, arrow
 * keys, Home and End), toggle buttons with aria-pressed, the region as role="textbox" aria-multiline="true" named by
 * the field's label, Ctrl+B and Ctrl+I, and Tab leaves the editor as from any field.
 */
(function () {
  'use strict';

  /* The formatting the server keeps (sanitizeRichText): p, br, ul, ol, li, strong, em, a[href], h3, h4. */
  var KEEP = { P: 'p', BR: 'br', UL: 'ul', OL: 'ol', LI: 'li', STRONG: 'strong', EM: 'em', A: 'a', H3: 'h3', H4: 'h4' };
  /* Pasted or browser-made markup that means the same as an allowed tag. */
  var RENAME = { B: 'strong', I: 'em', DIV: 'p', H1: 'h3', H2: 'h3', H5: 'h4', H6: 'h4' };
  /* Elements whose content is never text for the reader: dropped with everything inside. */
  var DROP = { SCRIPT: 1, STYLE: 1, TEMPLATE: 1, IFRAME: 1, OBJECT: 1, EMBED: 1, NOSCRIPT: 1, HEAD: 1, TITLE: 1, META: 1, LINK: 1, SVG: 1, MATH: 1, IMG: 1, VIDEO: 1, AUDIO: 1, CANVAS: 1, FORM: 1, INPUT: 1, BUTTON: 1, SELECT: 1, TEXTAREA: 1 };
  var BLOCK = { p: 1, ul: 1, ol: 1, li: 1, h3: 1, h4: 1 };
  var INLINE_ONLY = { p: 1, h3: 1, h4: 1, strong: 1, em: 1, a: 1 };

  /** Whether a link address may be kept: http(s), mailto and tel only. */
  function allowedHref(href) {
    return /^(https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+0-9()\s-]+)$/i.test(href.trim());
  }

  function tagOf(node) {
    var name = node.nodeName.toUpperCase();
    return KEEP[name] || RENAME[name] || '';
  }

  /* Copies the allowed part of `source`'s children into `target` (an element of the live document). */
  function copyClean(source, target, targetTag) {
    for (var child = source.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        // Browsers type a no-break space where a plain one would collapse while editing; stored text has plain spaces.
        target.appendChild(document.createTextNode(child.nodeValue.replace(/\u00a0/g, ' ')));
        continue;
      }
      if (child.nodeType !== 1 || DROP[child.nodeName.toUpperCase()]) continue;
      var tag = tagOf(child);
      if (tag === 'a' && !allowedHref(child.getAttribute('href') || '')) tag = '';
      // Inside a paragraph, heading or inline element, a block cannot nest: keep its content, on a line of its own.
      if (tag && BLOCK[tag] && INLINE_ONLY[targetTag]) {
        if (target.lastChild) target.appendChild(document.createElement('br'));
        copyClean(child, target, targetTag);
        continue;
      }
      // A list holds only items: anything else in it becomes an item.
      if ((targetTag === 'ul' || targetTag === 'ol') && tag !== 'li') {
        var item = document.createElement('li');
        if (tag) {
          var inner = document.createElement(tag);
          copyClean(child, inner, tag);
          item.appendChild(inner);
        } else copyClean(child, item, 'li');
        if (item.textContent.trim() !== '') target.appendChild(item);
        continue;
      }
      if (!tag) {
        copyClean(child, target, targetTag);
        continue;
      }
      var element = document.createElement(tag);
      if (tag === 'a') element.setAttribute('href', child.getAttribute('href').trim());
      if (tag !== 'br') copyClean(child, element, tag);
      target.appendChild(element);
    }
  }

  /* At the top level only blocks: runs of text and inline elements are wrapped in paragraphs; empty blocks go. */
  function blocksOf(root) {
    var out = document.createElement('div');
    var paragraph = null;
    while (root.firstChild) {
      var node = root.firstChild;
      var tag = node.nodeType === 1 ? node.nodeName.toLowerCase() : '';
      if (BLOCK[tag] && tag !== 'li') {
        paragraph = null;
        out.appendChild(node);
      } else if (tag === 'br' && paragraph === null) {
        root.removeChild(node);
      } else {
        if (paragraph === null) {
          paragraph = document.createElement('p');
          out.appendChild(paragraph);
        }
        paragraph.appendChild(node);
      }
    }
    var blocks = out.children;
    for (var index = blocks.length - 1; index >= 0; index -= 1) {
      var block = blocks[index];
      // Trailing line breaks are what a browser leaves behind in an emptied paragraph.
      while (block.lastChild && block.lastChild.nodeName === 'BR') block.removeChild(block.lastChild);
      if (block.textContent.trim() === '') out.removeChild(block);
    }
    return out;
  }

  /**
   * Markup reduced to the allowed tags (the same list as the server's), as a detached element. The markup is parsed
   * in an inert document (DOMParser: no scripts run, nothing loads) and rebuilt node by node, never assigned as HTML.
   */
  function cleanElement(markup) {
    var parsed = new DOMParser().parseFromString('<!doctype html><body>' + markup, 'text/html');
    var holder = document.createElement('div');
    copyClean(parsed.body, holder, 'div');
    return blocksOf(holder);
  }

  /** Markup as the form posts it. */
  function cleanHtml(markup) {
    return cleanElement(markup).innerHTML;
  }

  /** Plain pasted text as paragraphs: an empty line between paragraphs, a single line break kept. */
  function textToElement(text) {
    var out = document.createElement('div');
    text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).forEach(function (chunk) {
      if (chunk.trim() === '') return;
      var paragraph = document.createElement('p');
      chunk.split('\n').forEach(function (line, index) {
        if (index > 0) paragraph.appendChild(document.createElement('br'));
        paragraph.appendChild(document.createTextNode(line));
      });
      out.appendChild(paragraph);
    });
    return out;
  }

  var counter = 0;

  function enhance(textarea) {
    counter += 1;
    var id = textarea.id || 'rte-' + counter;
    var label = document.querySelector('label[for="' + id + '"]');
    if (!label) return; // An editor needs its field's name; without one, keep the textarea.
    if (!label.id) label.id = id + '-label';
    var labelText = label.textContent.trim();

    var wrapper = document.createElement('div');
    wrapper.className = 'loket-rte';

    var toolbar = document.createElement('div');
    toolbar.className = 'loket-rte__toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', 'Opmaak van ' + labelText);

    var editor = document.createElement('div');
    editor.className = 'loket-rte__editor';
    editor.contentEditable = 'true';
    editor.setAttribute('role', 'textbox');
    editor.setAttribute('aria-multiline', 'true');
    editor.setAttribute('aria-labelledby', label.id);
    editor.setAttribute('spellcheck', 'true');
    editor.setAttribute('lang', 'nl');
    var describedBy = textarea.getAttribute('aria-describedby');
    if (describedBy) editor.setAttribute('aria-describedby', describedBy);
    if (textarea.getAttribute('aria-invalid') === 'true') editor.setAttribute('aria-invalid', 'true');
    toolbar.setAttribute('aria-controls', id);
    // The editor takes the field's id, so the error summary's link (#id) lands in it; the textarea only carries the value.
    textarea.id = id + '-html';
    editor.id = id;
    label.htmlFor = '';
    label.addEventListener('click', function () {
      editor.focus();
    });

    var start = cleanElement(textarea.value);
    while (start.firstChild) editor.appendChild(start.firstChild);
    if (!editor.firstChild) editor.appendChild(document.createElement('p')).appendChild(document.createElement('br'));

    var savedRange = null;
    function selectionInEditor() {
      var selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) return null;
      var range = selection.getRangeAt(0);
      return editor.contains(range.commonAncestorContainer) ? range : null;
    }
    function restoreSelection() {
      if (!savedRange) return;
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(savedRange);
    }

    function sync() {
      textarea.value = cleanHtml(editor.innerHTML);
    }

    var buttons = [];
    function addButton(name, text, action, options) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'loket-rte__button loket-rte__button--' + name;
      button.textContent = text;
      button.tabIndex = buttons.length === 0 ? 0 : -1;
      if (options && options.toggle) button.setAttribute('aria-pressed', 'false');
      if (options && options.keys) button.setAttribute('aria-keyshortcuts', options.keys);
      if (options && options.title) button.title = options.title;
      button.addEventListener('click', function () {
        editor.focus();
        restoreSelection();
        action();
        savedRange = selectionInEditor() || savedRange;
        sync();
        updateStates();
        if (options && options.stay) return;
        // Keyboard users stay on the toolbar (the toolbar pattern); Tab goes back into the text.
        button.focus();
      });
      toolbar.appendChild(button);
      buttons.push(button);
      return button;
    }

    function exec(command, value) {
      document.execCommand(command, false, value);
    }

    function blockTag() {
      var range = selectionInEditor() || savedRange;
      var node = range ? range.startContainer : null;
      while (node && node !== editor) {
        if (node.nodeType === 1 && /^(H3|H4|P|LI)$/.test(node.nodeName)) return node.nodeName.toLowerCase();
        node = node.parentNode;
      }
      return '';
    }

    var bold = addButton('vet', 'Vet', function () { exec('bold'); }, { toggle: true, keys: 'Control+B', title: 'Vet (Ctrl+B)' });
    var italic = addButton('cursief', 'Cursief', function () { exec('italic'); }, { toggle: true, keys: 'Control+I', title: 'Cursief (Ctrl+I)' });
    var heading = addButton('kop', 'Tussenkop', function () { exec('formatBlock', blockTag() === 'h3' ? 'p' : 'h3'); }, { toggle: true });
    var bullets = addButton('opsomming', 'Opsomming', function () { exec('insertUnorderedList'); }, { toggle: true });
    var numbers = addButton('nummering', 'Genummerde lijst', function () { exec('insertOrderedList'); }, { toggle: true });
    addButton('link', 'Link', openLinkForm, { stay: true });
    addButton('wissen', 'Opmaak wissen', function () {
      exec('removeFormat');
      exec('unlink');
      if (document.queryCommandState('insertUnorderedList')) exec('insertUnorderedList');
      if (document.queryCommandState('insertOrderedList')) exec('insertOrderedList');
      exec('formatBlock', 'p');
    });

    function updateStates() {
      var inside = selectionInEditor() !== null;
      bold.setAttribute('aria-pressed', String(inside && document.queryCommandState('bold')));
      italic.setAttribute('aria-pressed', String(inside && document.queryCommandState('italic')));
      heading.setAttribute('aria-pressed', String(inside && blockTag() === 'h3'));
      bullets.setAttribute('aria-pressed', String(inside && document.queryCommandState('insertUnorderedList')));
      numbers.setAttribute('aria-pressed', String(inside && document.queryCommandState('insertOrderedList')));
    }

    /* Roving tabindex: the toolbar is one tab stop; arrows, Home and End move between its buttons. */
    toolbar.addEventListener('keydown', function (event) {
      var index = buttons.indexOf(document.activeElement);
      if (index < 0) return;
      var next;
      if (event.key === 'ArrowRight') next = (index + 1) % buttons.length;
      else if (event.key === 'ArrowLeft') next = (index - 1 + buttons.length) % buttons.length;
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = buttons.length - 1;
      else return;
      event.preventDefault();
      buttons[index].tabIndex = -1;
      buttons[next].tabIndex = 0;
      buttons[next].focus();
    });
    toolbar.addEventListener('focusin', function (event) {
      var index = buttons.indexOf(event.target);
      if (index < 0) return;
      buttons.forEach(function (button, position) {
        button.tabIndex = position === index ? 0 : -1;
      });
    });

    /* The link form: an inline group with a labelled field, so the address is asked for without a browser prompt. */
    var linkForm = document.createElement('div');
    linkForm.className = 'loket-rte__link';
    linkForm.setAttribute('role', 'group');
    linkForm.setAttribute('aria-labelledby', id + '-link-label');
    linkForm.hidden = true;
    var linkLabel = document.createElement('label');
    linkLabel.id = id + '-link-label';
    linkLabel.htmlFor = id + '-link-adres';
    linkLabel.textContent = 'Adres van de link';
    var linkHint = document.createElement('p');
    linkHint.className = 'loket-hint';
    linkHint.id = id + '-link-hint';
    linkHint.textContent = 'Begint met https://, http://, mailto: of tel:.';
    var linkError = document.createElement('p');
    linkError.className = 'loket-field-error';
    linkError.id = id + '-link-fout';
    linkError.setAttribute('role', 'alert');
    var linkInput = document.createElement('input');
    linkInput.type = 'text';
    linkInput.id = id + '-link-adres';
    linkInput.setAttribute('inputmode', 'url');
    linkInput.setAttribute('autocomplete', 'off');
    linkInput.setAttribute('aria-describedby', linkHint.id + ' ' + linkError.id);
    var linkAdd = document.createElement('button');
    linkAdd.type = 'button';
    linkAdd.className = 'loket-button';
    linkAdd.textContent = 'Link invoegen';
    var linkCancel = document.createElement('button');
    linkCancel.type = 'button';
    linkCancel.className = 'loket-button loket-button-secondary';
    linkCancel.textContent = 'Annuleren';
    linkForm.appendChild(linkLabel);
    linkForm.appendChild(linkHint);
    linkForm.appendChild(linkError);
    linkForm.appendChild(linkInput);
    linkForm.appendChild(linkAdd);
    linkForm.appendChild(document.createTextNode(' '));
    linkForm.appendChild(linkCancel);

    function openLinkForm() {
      savedRange = selectionInEditor() || savedRange;
      linkError.textContent = '';
      linkInput.removeAttribute('aria-invalid');
      var anchor = savedRange ? closestLink(savedRange.startContainer) : null;
      linkInput.value = anchor ? anchor.getAttribute('href') : '';
      linkForm.hidden = false;
      linkInput.focus();
    }
    function closeLinkForm() {
      linkForm.hidden = true;
      editor.focus();
      restoreSelection();
    }
    function closestLink(node) {
      while (node && node !== editor) {
        if (node.nodeName === 'A') return node;
        node = node.parentNode;
      }
      return null;
    }
    function addLink() {
      var href = linkInput.value.trim();
      if (!allowedHref(href)) {
        linkError.textContent = 'Dit adres kan niet: gebruik een adres dat begint met https://, http://, mailto: of tel:.';
        linkInput.setAttribute('aria-invalid', 'true');
        linkInput.focus();
        return;
      }
      linkForm.hidden = true;
      editor.focus();
      restoreSelection();
      var range = selectionInEditor();
      if (range && range.collapsed && !closestLink(range.startContainer)) {
        // No text chosen: the address itself becomes the link text.
        var anchor = document.createElement('a');
        anchor.setAttribute('href', href);
        anchor.textContent = href.replace(/^(mailto|tel):/i, '');
        range.insertNode(anchor);
        range.setStartAfter(anchor);
        range.collapse(true);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      } else {
        exec('createLink', href);
      }
      sync();
      updateStates();
    }
    linkAdd.addEventListener('click', addLink);
    linkCancel.addEventListener('click', closeLinkForm);
    linkInput.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        addLink();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        closeLinkForm();
      }
    });
    linkForm.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        event.preventDefault();
        closeLinkForm();
      }
    });

    editor.addEventListener('keydown', function (event) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
        var key = event.key.toLowerCase();
        if (key === 'b' || key === 'i') {
          event.preventDefault();
          exec(key === 'b' ? 'bold' : 'italic');
          sync();
          updateStates();
        } else if (key === 'k') {
          event.preventDefault();
          openLinkForm();
        }
      }
      // Tab is not caught: it leaves the editor like any other field.
    });
    editor.addEventListener('focus', function () {
      document.execCommand('defaultParagraphSeparator', false, 'p');
    });
    editor.addEventListener('input', sync);
    editor.addEventListener('blur', function () {
      sync();
    });
    document.addEventListener('selectionchange', function () {
      var range = selectionInEditor();
      if (range) {
        savedRange = range.cloneRange();
        updateStates();
      }
    });

    /* Paste keeps only the allowed formatting: pasted markup is cleaned the same way as the editor's own. */
    editor.addEventListener('paste', function (event) {
      var data = event.clipboardData;
      if (!data) return;
      event.preventDefault();
      var markup = data.getData('text/html');
      var clean = markup ? cleanElement(markup) : textToElement(data.getData('text/plain'));
      var holder = document.createElement('div');
      while (clean.firstChild) holder.appendChild(clean.firstChild);
      exec('insertHTML', holder.innerHTML);
      sync();
    });
    editor.addEventListener('drop', function (event) {
      // Dropped content would bypass the paste cleaning; dropping text is rare enough to refuse.
      event.preventDefault();
    });

    textarea.hidden = true;
    textarea.setAttribute('aria-hidden', 'true');
    textarea.tabIndex = -1;
    textarea.parentNode.insertBefore(wrapper, textarea);
    wrapper.appendChild(toolbar);
    wrapper.appendChild(linkForm);
    wrapper.appendChild(editor);
    sync();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('textarea[data-rich-text]'), enhance);
  }

  // Exposed for the browser tests of the cleaning rules.
  window.loketRichText = { cleanHtml: cleanHtml };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
