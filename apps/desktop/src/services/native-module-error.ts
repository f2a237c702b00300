// A native module (better-sqlite3, keytar) that cannot be loaded on this machine: built for another
// platform, architecture, Node/Electron ABI or a newer glibc. Reported as what it is, with the fix,
// instead of as a fault of the file the module was about to open.
import { CodedError } from '@wld/wecom-core/rules';

const SIGNS = [
  /ERR_DLOPEN_FAILED/,
  /NODE_MODULE_VERSION/,
  /invalid ELF header/i,
  /wrong ELF class/i,
  /GLIBC_\d+\.\d+['`]? not found/,
  /GLIBCXX_\d+/,
  /not a valid Win32 application/i,
  /is not a valid mach-o|mach-o file, but is an incompatible architecture|incompatible architecture/i,
  /Could not locate the bindings file/i,
  /Cannot find module '[^']*\.node'/,
  /The specified module could not be found/i,
  /\.node: cannot open shared object file/,
];

export function isNativeLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if ((error as { code?: unknown }).code === 'ERR_DLOPEN_FAILED') return true;
  return SIGNS.some((sign) => sign.test(error.message));
}

export class NativeModuleError extends CodedError {
  readonly module: string;
  constructor(module: string, cause: unknown) {
    const why = cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : String(cause);
    super(
      'NATIVE_MODULE_UNLOADABLE',
      `The native module ${module} could not be loaded on this system (${process.platform}-${process.arch}): ${why}. ` +
        'The installed package was built for another system; install the package made for this one ' +
        '(on Linux the .deb needs glibc 2.34 or newer).',
      { cause },
    );
    this.name = 'NativeModuleError';
    this.module = module;
  }
}
