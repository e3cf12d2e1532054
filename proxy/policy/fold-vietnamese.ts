// The fold lives in common/ because the browser highlights search hits with the very same one.
export { foldVietnamese } from '../../common/policy/fold-vietnamese';
