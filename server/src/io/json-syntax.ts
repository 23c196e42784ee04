// Finds where and why a JSON text is malformed, for config error messages with line and column
// (JSON.parse names no position for some errors). Only called after JSON.parse failed; it builds
// no values and must not be used to parse.

export interface JsonSyntaxError {
  /** UTF-16 offset of the offending character (the text length at an unexpected end). */
  readonly offset: number;
  readonly message: string;
}

class JsonSyntaxFailure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let position = 0;

  const describe = (at: number): string => {
    const character = text[at];
    if (character === undefined) return 'the end of the file';
    return character === '\n' || character === '\r' ? 'a line break' : `'${character}'`;
  };
  const fail = (expected: string, at = position): never => {
    throw new JsonSyntaxFailure(at, `expected ${expected}, found ${describe(at)}`);
  };
  const skipWhitespace = (): void => {
    while (position < text.length && ' \t\n\r'.includes(text[position] ?? '')) position++;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, position)) position += word.length;
    else fail('a value (a string, number, object, array, true, false or null)');
  };
  const string = (): void => {
    position++; // opening quote
    while (position < text.length) {
      const code = text.charCodeAt(position);
      if (code === 34) {
        position++;
        return;
      }
      if (code < 0x20) fail('the closing \'"\' of the string (strings cannot span lines)');
      if (code === 92) {
        const escape = text[position + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6))) fail('four hex digits after \\u', position + 2);
          position += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) position += 2;
        else fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)', position + 1);
        continue;
      }
      position++;
    }
    fail('the closing \'"\' of the string');
  };
  const number = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(position, position + 400));
    if (!match) fail('a number');
    position += match?.[0].length ?? 0;
  };
  const value = (): void => {
    skipWhitespace();
    const character = text[position];
    if (character === '{') object();
    else if (character === '[') array();
    else if (character === '"') string();
    else if (character === 't') literal('true');
    else if (character === 'f') literal('false');
    else if (character === 'n') literal('null');
    else if (character === '-' || (character !== undefined && character >= '0' && character <= '9')) number();
    else fail('a value (a string, number, object, array, true, false or null)');
  };
  const object = (): void => {
    position++;
    skipWhitespace();
    if (text[position] === '}') {
      position++;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[position] !== '"') fail(text[position] === '}' ? 'a key in double quotes (no trailing comma)' : 'a key in double quotes');
      string();
      skipWhitespace();
      if (text[position] !== ':') fail("':' after the key");
      position++;
      value();
      skipWhitespace();
      if (text[position] === ',') {
        position++;
        continue;
      }
      if (text[position] === '}') {
        position++;
        return;
      }
      fail("',' or '}' after the value");
    }
  };
  const array = (): void => {
    position++;
    skipWhitespace();
    if (text[position] === ']') {
      position++;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[position] === ']') fail('a value (no trailing comma)');
      value();
      skipWhitespace();
      if (text[position] === ',') {
        position++;
        continue;
      }
      if (text[position] === ']') {
        position++;
        return;
      }
      fail("',' or ']' after the value");
    }
  };

  try {
    value();
    skipWhitespace();
    if (position < text.length) fail('the end of the file after the value');
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxFailure) return { offset: error.offset, message: error.message };
    // Only a stack overflow on absurd nesting lands here; the caller falls back to JSON.parse's message.
    return undefined;
  }
}
