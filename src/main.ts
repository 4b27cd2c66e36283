import { hello } from 'src/common/hello';
process.stdout.write(hello() + '\n');
