/** The separator between the levels of a unit's path as shown ("Đảng bộ Sở Y tế › Chi bộ …"). */
export const PATH_SEPARATOR = ' › ';

/** A unit's name after the names of the units above it (from the top of the user's scope). */
export const unitPathLabel = (ancestorNames: readonly string[], name: string): string =>
  [...ancestorNames, name].join(PATH_SEPARATOR);

/**
 * Names that several rows share ("Chi bộ Phòng Nghiệp vụ 1" exists under many organisations): a
 * list shows these with their parent, the others by name alone.
 */
export const ambiguousNames = (units: readonly { id: number; name: string }[]): Set<string> => {
  const idsByName = new Map<string, Set<number>>();
  for (const u of units) {
    const ids = idsByName.get(u.name) ?? new Set<number>();
    ids.add(u.id);
    idsByName.set(u.name, ids);
  }
  return new Set([...idsByName].filter(([, ids]) => ids.size > 1).map(([name]) => name));
};
