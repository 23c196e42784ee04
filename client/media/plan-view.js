// The plan view's script: expands and collapses plan nodes (mouse and keyboard, as a tree), moves
// focus to a warning's node, and posts the buttons' actions to the extension. It renders nothing and
// talks to no network; the page's HTML comes from client/src/plan-html.ts.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const renderId = Number(document.body.dataset.renderId);

  // Collapsed nodes survive the panel being hidden and shown again (the page is rebuilt then).
  const saved = vscode.getState();
  const collapsed = new Set(saved && saved.renderId === renderId && Array.isArray(saved.collapsed) ? saved.collapsed : []);

  function save() {
    vscode.setState({ renderId, collapsed: [...collapsed] });
  }

  function setExpanded(item, expanded) {
    if (!item.hasAttribute('aria-expanded')) return;
    item.setAttribute('aria-expanded', String(expanded));
    if (expanded) collapsed.delete(item.id);
    else collapsed.add(item.id);
    save();
  }

  for (const id of collapsed) {
    const item = document.getElementById(id);
    if (item) item.setAttribute('aria-expanded', 'false');
  }

  function isVisible(item) {
    for (let parent = item.parentElement; parent; parent = parent.parentElement) {
      if (parent.getAttribute('role') === 'treeitem' && parent.getAttribute('aria-expanded') === 'false') return false;
      if (parent.getAttribute('role') === 'tree') return true;
    }
    return true;
  }

  function visibleItems(tree) {
    return [...tree.querySelectorAll('[role="treeitem"]')].filter(isVisible);
  }

  // One tab stop per tree (roving tabindex): the focused node holds tabindex 0.
  function focusItem(item) {
    const tree = item.closest('[role="tree"]');
    if (tree) for (const other of tree.querySelectorAll('[role="treeitem"][tabindex="0"]')) other.setAttribute('tabindex', '-1');
    item.setAttribute('tabindex', '0');
    item.focus();
  }

  function parentItem(item) {
    const group = item.parentElement;
    return group ? group.closest('[role="treeitem"]') : null;
  }

  function revealNode(id) {
    const item = document.getElementById(id);
    if (!item) return;
    for (let parent = parentItem(item); parent; parent = parentItem(parent)) setExpanded(parent, true);
    item.scrollIntoView({ block: 'center' });
    focusItem(item);
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const button = target.closest('button[data-action]');
    if (button) {
      const action = button.dataset.action;
      if (action === 'add-index') vscode.postMessage({ type: 'addIndex', renderId, index: Number(button.dataset.suggestion) });
      else if (action === 'reveal') vscode.postMessage({ type: 'reveal', renderId });
      else if (action === 'focus-node' && button.dataset.target) revealNode(button.dataset.target);
      return;
    }
    // A click on a node's row toggles it; clicks in its body (details, text selection) do not.
    const row = target.closest('.node-row');
    const item = row ? row.closest('[role="treeitem"]') : null;
    if (item) {
      setExpanded(item, item.getAttribute('aria-expanded') === 'false');
      focusItem(item);
    }
  });

  document.addEventListener('keydown', (event) => {
    const item = event.target instanceof Element && event.target.getAttribute('role') === 'treeitem' ? event.target : null;
    if (!item) return;
    const tree = item.closest('[role="tree"]');
    const items = tree ? visibleItems(tree) : [item];
    const index = items.indexOf(item);
    const expanded = item.getAttribute('aria-expanded');
    let handled = true;
    switch (event.key) {
      case 'Enter':
      case ' ':
        if (expanded !== null) setExpanded(item, expanded === 'false');
        break;
      case 'ArrowDown':
        if (items[index + 1]) focusItem(items[index + 1]);
        break;
      case 'ArrowUp':
        if (index > 0) focusItem(items[index - 1]);
        break;
      case 'ArrowRight':
        if (expanded === 'false') setExpanded(item, true);
        else if (expanded === 'true' && items[index + 1]) focusItem(items[index + 1]);
        break;
      case 'ArrowLeft': {
        if (expanded === 'true') setExpanded(item, false);
        else {
          const parent = parentItem(item);
          if (parent) focusItem(parent);
        }
        break;
      }
      case 'Home':
        if (items[0]) focusItem(items[0]);
        break;
      case 'End':
        if (items.length > 0) focusItem(items[items.length - 1]);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  });
})();
