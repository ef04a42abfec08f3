/* Kazakh messages of Select2 4.0.13 (the admin's autocomplete fields).
   Select2 ships no Kazakh file; forum_site/apps.py tells Django's admin to load this one. */
(function () {
  "use strict";
  if (!(window.jQuery && jQuery.fn && jQuery.fn.select2 && jQuery.fn.select2.amd)) {
    return;
  }
  jQuery.fn.select2.amd.define("select2/i18n/kk", [], function () {
    // Kazakh nouns stay singular after a numeral: one form for every count.
    return {
      errorLoading: function () {
        return "Нәтижелерді жүктеу мүмкін болмады.";
      },
      inputTooLong: function (args) {
        return "Тағы " + (args.input.length - args.maximum) + " таңбаны өшіріңіз";
      },
      inputTooShort: function (args) {
        return "Тағы кемінде " + (args.minimum - args.input.length) + " таңба енгізіңіз";
      },
      loadingMore: function () {
        return "Тағы нәтижелер жүктелуде…";
      },
      maximumSelected: function (args) {
        return "Ең көбі " + args.maximum + " элемент таңдауға болады";
      },
      noResults: function () {
        return "Ештеңе табылмады";
      },
      searching: function () {
        return "Іздеу…";
      },
      removeAllItems: function () {
        return "Барлық элементтерді алып тастау";
      }
    };
  });
}());
