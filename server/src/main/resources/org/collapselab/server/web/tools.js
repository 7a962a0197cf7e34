// Diagnose and forecast panels (filled in when those APIs are present; see /api/info).
'use strict';
(function () {
  const Lab = window.Lab;
  Lab.buildTools = function () {
    const view = document.getElementById('view-tools');
    view.replaceChildren(Lab.el('p', {className: 'note'}, 'Diagnose and forecast are not available in this build.'));
  };
})();
