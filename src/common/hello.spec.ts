import { hello } from 'src/common/hello';
describe('hello', () => { it('works', () => expect(hello()).toBe('hi')); });
