export const id = 451;
export const ids = [451];
export const modules = {

/***/ 451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

var yaml__WEBPACK_IMPORTED_MODULE_0___namespace_cache;
__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   yaml: () => (/* reexport fake namespace object from non-harmony */ yaml__WEBPACK_IMPORTED_MODULE_0___namespace_cache || (yaml__WEBPACK_IMPORTED_MODULE_0___namespace_cache = __webpack_require__.t(yaml__WEBPACK_IMPORTED_MODULE_0__, 2)))
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
// The yaml package behind a module of ours, for scan's dynamic imports. yaml is
// CommonJS: a bundle (dist/cli, the Action) hands a dynamic import of CommonJS
// only its default export, while a static import in an ES module gets the
// named exports in every build.



/***/ })

};
