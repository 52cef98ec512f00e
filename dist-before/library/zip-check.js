/**
 * Reads a zip's directory without inflating anything: how much it would unpack to and whether it holds an
 * entry. A .docx is a zip; one that would unpack to gigabytes (a zip bomb) is refused before any parser opens it.
 */
import { unzipSync } from 'fflate';
export function checkZip(bytes, options) {
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
        return { kind: 'not-zip' };
    let unzippedBytes = 0;
    let found = false;
    try {
        // The filter sees every entry's declared size and declines them all: nothing is decompressed.
        unzipSync(bytes, {
            filter: (file) => {
                unzippedBytes += file.originalSize;
                if (file.name === options.requiredEntry)
                    found = true;
                return false;
            },
        });
    }
    catch {
        return { kind: 'not-zip' };
    }
    if (unzippedBytes > options.maxUnzippedBytes)
        return { kind: 'too-big', unzippedBytes };
    return found ? { kind: 'ok', unzippedBytes } : { kind: 'missing-entry' };
}
//# sourceMappingURL=zip-check.js.map