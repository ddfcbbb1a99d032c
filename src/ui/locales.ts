import type { i18n as I18n } from 'i18next';

/** Texts of the shared UI (namespace `ui`): palette, key sheet, case actions, command errors. */
const vi = {
  legacyPasted: 'Văn bản dán vào được chuyển từ bảng mã cũ {{encoding}} sang Unicode.',
  palette: {
    title: 'Bảng lệnh',
    placeholder: 'Tìm lệnh (không cần dấu)…',
    empty: 'Không có lệnh nào khớp',
  },
  keys: {
    title: 'Phím tắt',
    case: 'Cả vụ án',
  },
  case: {
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    palette: 'Mở bảng lệnh',
    help: 'Bảng phím tắt',
  },
  errors: {
    generic: 'Không thực hiện được: {{message}}',
    board: {
      badKind: 'Loại bảng không hợp lệ.',
      badTitle: 'Tên bảng không hợp lệ.',
      notFound: 'Bảng này đã bị người khác xoá.',
    },
    files: {
      badHash: 'Tệp không hợp lệ.',
      badMark: 'Đánh dấu trên tệp không hợp lệ.',
      markNotFound: 'Đánh dấu này đã bị người khác xoá.',
      notFound: 'Tệp này không còn trong hồ sơ vụ án.',
    },
    link: {
      badFields: 'Thông tin liên kết không hợp lệ.',
      duplicate: 'Hai nút này đã có liên kết loại này.',
      noNode: 'Nút đã bị người khác xoá.',
      notFound: 'Liên kết này đã bị người khác xoá.',
      self: 'Không thể nối một nút với chính nó.',
    },
    node: {
      badLabel: 'Nội dung của nút không hợp lệ.',
      badPosition: 'Vị trí của nút không hợp lệ.',
      notFound: 'Nút này đã bị người khác xoá.',
    },
    register: {
      badKind: 'Loại đối tượng không hợp lệ.',
      badPages: 'Số bút lục không hợp lệ.',
      notEvidence: 'Đối tượng này không phải là chứng cứ.',
      notFound: 'Đối tượng này đã bị người khác xoá khỏi danh mục.',
    },
    scene: {
      badNumber: 'Số đo không hợp lệ.',
      badScale: 'Tỉ lệ không hợp lệ.',
      badShape: 'Hình vẽ không hợp lệ.',
      badSize: 'Kích thước không hợp lệ.',
      badThickness: 'Độ dày nét không hợp lệ.',
      labelTooLong: 'Chú thích quá dài.',
      tooManyPoints: 'Hình vẽ có quá nhiều điểm.',
    },
    slide: {
      badFields: 'Thông tin trang trình chiếu không hợp lệ.',
      badKind: 'Loại trang trình chiếu không hợp lệ.',
      noFile: 'Tệp của trang này không còn trong hồ sơ vụ án.',
      notFound: 'Trang trình chiếu này đã bị người khác xoá.',
    },
    topic: {
      badColor: 'Màu không hợp lệ.',
      badLabel: 'Nội dung chủ đề không hợp lệ.',
      badMarker: 'Dấu đánh dấu không hợp lệ.',
      intoItself: 'Không thể chuyển một chủ đề vào chính nhánh của nó.',
      notFound: 'Chủ đề này đã bị người khác xoá.',
      rootHasNoParent: 'Chủ đề trung tâm không thể có chủ đề cha.',
      selfRelationship: 'Không thể nối một chủ đề với chính nó.',
    },
  },
};

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

const en: Texts<typeof vi> = {
  legacyPasted: 'The pasted text was converted from the old {{encoding}} encoding to Unicode.',
  palette: {
    title: 'Commands',
    placeholder: 'Find a command (diacritics optional)…',
    empty: 'No command matches',
  },
  keys: {
    title: 'Keyboard shortcuts',
    case: 'Whole case',
  },
  case: {
    undo: 'Undo',
    redo: 'Redo',
    palette: 'Open the command palette',
    help: 'Keyboard shortcuts',
  },
  errors: {
    generic: 'Could not do that: {{message}}',
    board: {
      badKind: 'That board kind is not valid.',
      badTitle: 'That board title is not valid.',
      notFound: 'Someone else deleted this board.',
    },
    files: {
      badHash: 'That file is not valid.',
      badMark: 'That mark on the file is not valid.',
      markNotFound: 'Someone else deleted that mark.',
      notFound: 'That file is no longer in the case file.',
    },
    link: {
      badFields: 'The link’s details are not valid.',
      duplicate: 'These two nodes already have a link of this type.',
      noNode: 'Someone else deleted that node.',
      notFound: 'Someone else deleted that link.',
      self: 'A node cannot be linked to itself.',
    },
    node: {
      badLabel: 'That node text is not valid.',
      badPosition: 'That node position is not valid.',
      notFound: 'Someone else deleted that node.',
    },
    register: {
      badKind: 'That register kind is not valid.',
      badPages: 'Those case-file page numbers are not valid.',
      notEvidence: 'That entry is not evidence.',
      notFound: 'Someone else removed that entry from the register.',
    },
    scene: {
      badNumber: 'That measurement is not valid.',
      badScale: 'That scale is not valid.',
      badShape: 'That shape is not valid.',
      badSize: 'That size is not valid.',
      badThickness: 'That line thickness is not valid.',
      labelTooLong: 'That label is too long.',
      tooManyPoints: 'That drawing has too many points.',
    },
    slide: {
      badFields: 'The slide’s details are not valid.',
      badKind: 'That slide kind is not valid.',
      noFile: 'The slide’s file is no longer in the case file.',
      notFound: 'Someone else deleted that slide.',
    },
    topic: {
      badColor: 'That colour is not valid.',
      badLabel: 'That topic text is not valid.',
      badMarker: 'That marker is not valid.',
      intoItself: 'A topic cannot move into its own branch.',
      notFound: 'Someone else deleted that topic.',
      rootHasNoParent: 'The central topic cannot have a parent.',
      selfRelationship: 'A topic cannot be related to itself.',
    },
  },
};

export function installUiTexts(i18n: I18n): void {
  i18n.addResourceBundle('vi', 'ui', vi, true, true);
  i18n.addResourceBundle('en', 'ui', en, true, true);
}
