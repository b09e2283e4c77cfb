// The page's only way to the server: the HTTP API v1. Every failure becomes an ApiError with one line to show.

export class ApiError extends Error {
    constructor(message, status) {
        super(message);
        this.name = 'ApiError';
        this.status = status;
    }
}

const FORMATS = [
    [/\.(musicxml|xml)$/i, 'application/vnd.recordare.musicxml+xml'],
    [/\.mxl$/i, 'application/vnd.recordare.musicxml'],
    [/\.(mid|midi)$/i, 'audio/midi'],
];

/** The media type the server reads a score file by, from its name; null when the name says nothing. */
export function scoreMediaType(fileName) {
    const match = FORMATS.find(([pattern]) => pattern.test(fileName));
    return match ? match[1] : null;
}

/** Sends one request; answers the Response when its status is 2xx, else throws an ApiError with the server's line. */
export async function send(method, path, { body, type, signal } = {}) {
    const headers = {};
    if (type) headers['Content-Type'] = type;
    let response;
    try {
        response = await fetch(path, { method, body, headers, signal, credentials: 'same-origin' });
    } catch (error) {
        if (error.name === 'AbortError') throw error;
        throw new ApiError('The Segue server does not answer; is ./segue serve still running?', 0);
    }
    if (!response.ok) throw new ApiError(await errorLine(response), response.status);
    return response;
}

/** Sends one request and answers its JSON body. */
export async function sendJson(method, path, { json, ...options } = {}) {
    if (json !== undefined) {
        options.body = JSON.stringify(json);
        options.type = 'application/json';
    }
    const response = await send(method, path, options);
    try {
        return await response.json();
    } catch {
        throw new ApiError(`The server's answer to ${method} ${path} is not JSON`, response.status);
    }
}

async function errorLine(response) {
    const text = await response.text().catch(() => '');
    try {
        const parsed = JSON.parse(text);
        if (parsed && typeof parsed.error === 'string' && parsed.error) return parsed.error;
    } catch {
        // not JSON: fall through to the status line
    }
    if (response.status === 413) return 'The file is too large for the server';
    return `The server answered ${response.status} ${response.statusText}`.trim();
}

/** The file name in a Content-Disposition header, or null. */
export function attachmentName(response) {
    const header = response.headers.get('Content-Disposition') || '';
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (encoded) return decodeURIComponent(encoded[1]);
    const plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : null;
}

export const api = {
    health: () => sendJson('GET', '/api/v1/health'),
    open: (file) => sendJson('POST', `/api/v1/documents?filename=${encodeURIComponent(file.name)}`,
        { body: file, type: scoreMediaType(file.name) || 'application/octet-stream' }),
    document: (id) => sendJson('GET', `/api/v1/documents/${encodeURIComponent(id)}`),
    score: async (id) => (await send('GET', `/api/v1/documents/${encodeURIComponent(id)}/score`)).text(),
    select: (id, range) => sendJson('PUT', `/api/v1/documents/${encodeURIComponent(id)}/selection`,
        { json: range }),
    actions: (id) => sendJson('GET', `/api/v1/actions?document=${encodeURIComponent(id)}`),
    preview: (id, actionId, options, signal) => sendJson('POST',
        `/api/v1/documents/${encodeURIComponent(id)}/actions/${encodeURIComponent(actionId)}/preview`,
        { json: options, signal }),
    apply: (id, preview, proposal) => sendJson('POST', `/api/v1/documents/${encodeURIComponent(id)}/apply`,
        { json: { preview, proposal } }),
    undo: (id) => sendJson('POST', `/api/v1/documents/${encodeURIComponent(id)}/undo`),
    redo: (id) => sendJson('POST', `/api/v1/documents/${encodeURIComponent(id)}/redo`),
    exportFile: (id, format) => send('GET',
        `/api/v1/documents/${encodeURIComponent(id)}/export?format=${encodeURIComponent(format)}`),
};
