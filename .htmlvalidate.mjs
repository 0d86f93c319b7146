// `make test` validates every built page with this configuration. Rules that catch real faults
// (duplicate ids, invalid nesting, missing labels, bad attribute values, empty headings and
// buttons, unnamed landmarks) stay errors; pure style rules are off, each with its reason.
export default {
  extends: ["html-validate:recommended"],
  rules: {
    "no-trailing-whitespace": "off", // whitespace in generated HTML is not a fault
    "doctype-style": "off", // MkDocs writes <!doctype html>, which is valid
    "valid-id": ["error", { relaxed: true }], // HTML allows any id without spaces (Material: __drawer); no-dup-id still runs
    "no-implicit-button-type": "off", // a recommendation; our buttons are not in submitting forms
    "tel-non-breaking": "off", // typography, not validity
    "long-title": "off", // an SEO preference; titles carry the family name and the page kind
    "valid-autocomplete": "off", // Material's drawer/search toggles: checkboxes with autocomplete=off, a harmless Firefox workaround
    "wcag/h32": "off", // search forms submit through script; there is no server to submit to
    "prefer-native-element": "off", // Material's drawer and search toggles are labels of its checkboxes, made keyboard-operable
    "aria-label-misuse": ["error", { allowAnyNamable: true }], // a named list (the walk-through's steps) is valid ARIA
  },
};
